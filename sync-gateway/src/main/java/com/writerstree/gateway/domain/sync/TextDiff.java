package com.writerstree.gateway.domain.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The patch of a {@code sync:update}: content-service's delta format (README "Patches"): operations walked over the
 * base text from its start in UTF-16 code units, {@code retain n}, {@code delete n}, {@code insert text}, the rest
 * kept. Between two autosaves a writer changes one region, so the patch is the common prefix and suffix kept and the
 * middle replaced (linear time, no diff library), never cutting a surrogate pair. {@link #apply} walks such a patch
 * (as a device sent it) over a base text. Pure.
 */
public final class TextDiff {

    private TextDiff() {}

    public static List<Map<String, Object>> ops(String base, String target) {
        int max = Math.min(base.length(), target.length());
        int prefix = 0;
        while (prefix < max && base.charAt(prefix) == target.charAt(prefix)) {
            prefix++;
        }
        if (prefix > 0 && prefix < base.length() && Character.isHighSurrogate(base.charAt(prefix - 1))) {
            prefix--;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && base.charAt(base.length() - 1 - suffix) == target.charAt(target.length() - 1 - suffix)) {
            suffix++;
        }
        if (suffix > 0
                && base.length() - suffix > prefix
                && Character.isLowSurrogate(base.charAt(base.length() - suffix))) {
            suffix--;
        }
        List<Map<String, Object>> ops = new ArrayList<>(3);
        int deleted = base.length() - prefix - suffix;
        String inserted = target.substring(prefix, target.length() - suffix);
        if (deleted == 0 && inserted.isEmpty()) {
            return ops; // the same text: nothing to do (whatever follows the last operation is kept)
        }
        if (prefix > 0) {
            ops.add(op("retain", prefix, null));
        }
        if (deleted > 0) {
            ops.add(op("delete", deleted, null));
        }
        if (!inserted.isEmpty()) {
            ops.add(op("insert", null, inserted));
        }
        return ops;
    }

    /**
     * {@code base} with {@code patch} (a JSON array of operations) applied, or null when the patch does not apply
     * (unknown or malformed operation, a count past the end of the base, a cut surrogate pair): the caller then gets
     * the text another way. Content-service has already accepted the patch when a replica applies it here.
     */
    public static String apply(String base, JsonNode patch) {
        if (patch == null || !patch.isArray()) {
            return null;
        }
        StringBuilder out = new StringBuilder(base.length() + 64);
        int at = 0;
        for (JsonNode op : patch) {
            String name = op.path("op").asText("");
            JsonNode n = op.get("n");
            JsonNode text = op.get("text");
            if (name.equals("insert")) {
                if (text == null || !text.isTextual() || n != null) {
                    return null;
                }
                out.append(text.asText());
                continue;
            }
            if (!(name.equals("retain") || name.equals("delete"))
                    || n == null
                    || !n.canConvertToInt()
                    || !n.isIntegralNumber()
                    || n.asInt() < 0
                    || n.asInt() > base.length() - at
                    || text != null) {
                return null;
            }
            int end = at + n.asInt();
            if (end > 0
                    && end < base.length()
                    && Character.isLowSurrogate(base.charAt(end))
                    && Character.isHighSurrogate(base.charAt(end - 1))) {
                return null; // ends inside a surrogate pair
            }
            if (name.equals("retain")) {
                out.append(base, at, end);
            }
            at = end;
        }
        return out.append(base, at, base.length()).toString();
    }

    private static Map<String, Object> op(String name, Integer n, String text) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("op", name);
        if (n != null) {
            op.put("n", n);
        }
        if (text != null) {
            op.put("text", text);
        }
        return op;
    }
}
