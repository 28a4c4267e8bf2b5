package com.writerstree.identity.domain.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;

/** bcrypt with cost 12 (spec §6.1). Hashing takes a noticeable fraction of a second by design. */
@ApplicationScoped
public class PasswordHasher {

    static final int COST = 12;

    /**
     * A cost-12 hash of a random password nobody knows. Checking a login for an unknown email against it takes
     * as long as a real check, so response times do not reveal which emails have accounts.
     */
    static final String DUMMY_HASH = "$2a$12$JzJKeY8HpSbu.Cpmv91Y3.eDhxczJopITXJdikICFCZ7rIHKetO0O";

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    /** Whether the password matches; with no stored hash, burns the same time and answers false. */
    public boolean matches(String password, String storedHash) {
        if (storedHash == null) {
            BcryptUtil.matches(password, DUMMY_HASH);
            return false;
        }
        return BcryptUtil.matches(password, storedHash);
    }
}
