package com.writerstree.identity.domain.token;

import com.writerstree.identity.config.IdentityConfig;
import com.writerstree.identity.domain.token.KeyDirectory.KeySet;
import com.writerstree.identity.domain.token.KeyDirectory.SigningKey;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The signing keys of this process, loaded once at start (the service does not start without one). Rotation
 * therefore means: add the key file, point {@code identity.jwt.active-key} at it, restart.
 */
@Startup
@Singleton
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final IdentityConfig config;

    public SigningKeys(IdentityConfig config) {
        this.config = config;
    }

    private volatile KeySet keys;

    @PostConstruct
    void load() {
        reload();
    }

    /**
     * Reads the key directory again: the newest (or configured) key signs from now on, every key in it is
     * published. The documented rotation restarts the service instead; this is what a restart does to the keys.
     */
    public synchronized void reload() {
        Path dir = Path.of(config.jwt().keyDir());
        keys = KeyDirectory.load(dir, config.jwt().activeKey(), config.jwt().generateIfMissing());
        LOG.infof(
                "Signing with key %s (kid %s); %d key(s) published in the JWKS",
                keys.active().fileName(), keys.active().kid(), keys.all().size());
    }

    public SigningKey active() {
        return keys.active();
    }

    public List<JsonWebKey> publicKeys() {
        return keys.all().stream().map(k -> JsonWebKey.of(k.publicKey())).toList();
    }
}
