package com.writerstree.gateway.domain.limits;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the client is, for per-IP limits: the TCP peer, unless the peer is a trusted proxy; then the right-most
 * {@code X-Forwarded-For} entry that is not itself a trusted proxy (entries left of it can be forged by anyone).
 */
public final class ClientAddress {

    private final List<Cidr> trusted;

    public ClientAddress(List<String> trustedCidrs) {
        List<Cidr> parsed = new ArrayList<>();
        for (String cidr : trustedCidrs) {
            if (cidr != null && !cidr.isBlank()) {
                parsed.add(Cidr.parse(cidr.trim()));
            }
        }
        this.trusted = List.copyOf(parsed);
    }

    public boolean isTrusted(String address) {
        InetAddress ip = literal(address);
        return ip != null && trusted.stream().anyMatch(c -> c.contains(ip));
    }

    /** The client address given the TCP peer and the raw X-Forwarded-For header values (may be empty). */
    public String resolve(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (literal(hop) == null) {
                return peer; // garbage in the chain: do not let it pick a bucket
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }

    /** An IP literal (no DNS lookups), or null. */
    static InetAddress literal(String s) {
        if (s == null
                || s.isEmpty()
                || !(s.indexOf(':') >= 0 || s.chars().allMatch(ch -> ch == '.' || Character.isDigit(ch)))) {
            return null;
        }
        String bare = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    record Cidr(BigInteger network, BigInteger mask, int bytes) {
        static Cidr parse(String cidr) {
            int slash = cidr.indexOf('/');
            InetAddress ip = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            if (ip == null) {
                throw new IllegalArgumentException("Not a CIDR: " + cidr);
            }
            int bytes = ip.getAddress().length;
            int prefix = slash < 0 ? bytes * 8 : Integer.parseInt(cidr.substring(slash + 1));
            BigInteger all = BigInteger.ONE.shiftLeft(bytes * 8).subtract(BigInteger.ONE);
            BigInteger mask =
                    all.xor(BigInteger.ONE.shiftLeft(bytes * 8 - prefix).subtract(BigInteger.ONE));
            return new Cidr(new BigInteger(1, ip.getAddress()).and(mask), mask, bytes);
        }

        boolean contains(InetAddress ip) {
            byte[] raw = ip.getAddress();
            return raw.length == bytes && new BigInteger(1, raw).and(mask).equals(network);
        }
    }
}
