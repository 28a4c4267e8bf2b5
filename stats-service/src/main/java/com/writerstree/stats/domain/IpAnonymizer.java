package com.writerstree.stats.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Analytics store a truncated address only (like Google Analytics' IP anonymisation): IPv4 keeps its /24 (the
 * last octet becomes 0), IPv6 its /48. Enough to tell countries and networks apart, not people. Pure.
 */
public final class IpAnonymizer {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private IpAnonymizer() {}

    /** The anonymised form of an IP literal; empty for anything that is not one (host names are never resolved). */
    public static Optional<String> anonymize(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        // only literals reach InetAddress, which then never does a DNS lookup
        boolean v6 = literal.contains(":") && IPV6.matcher(literal).matches();
        if (!v6 && !IPV4.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            int keep = bytes.length == 4 ? 3 : 6;
            for (int i = keep; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            return Optional.of(InetAddress.getByAddress(bytes).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
