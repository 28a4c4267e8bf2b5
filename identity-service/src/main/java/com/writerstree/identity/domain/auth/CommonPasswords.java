package com.writerstree.identity.domain.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Passwords too common to accept (NIST SP 800-63B 5.1.1.2: refuse values from lists of commonly used or
 * compromised passwords). The list ({@code security/common-passwords.txt.gz}, about 11,600 entries of 8 to 72
 * bytes, lower-case) is derived reproducibly by {@code identity-service/tools/common-passwords.sh}; a password
 * matches when its lower-case form is on it, so {@code Password1} is as common as {@code password1}.
 */
public final class CommonPasswords {

    static final String RESOURCE = "/security/common-passwords.txt.gz";

    private CommonPasswords() {}

    public static boolean contains(String password) {
        return password != null && Holder.LIST.contains(password.toLowerCase(Locale.ROOT));
    }

    static int size() {
        return Holder.LIST.size();
    }

    /** Loaded on first use, once per JVM. */
    private static final class Holder {
        static final Set<String> LIST = load();

        private static Set<String> load() {
            try (InputStream raw = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
                if (raw == null) {
                    throw new IllegalStateException("Missing resource " + RESOURCE);
                }
                Set<String> words = new HashSet<>(16_384);
                try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (!line.isEmpty()) {
                            words.add(line);
                        }
                    }
                }
                return Set.copyOf(words);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
