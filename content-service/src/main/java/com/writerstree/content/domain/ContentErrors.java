package com.writerstree.content.domain;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * content-service's refusals in the §7.1 envelope, with content-service's own messages: the platform's
 * {@link ErrorCode} gives the code and the status, the business wording (and any number in it) lives here.
 */
public final class ContentErrors {

    static final String VERSION_CONFLICT = "Your changes conflict with recent updates";
    static final String PROJECT_ARCHIVED = "Project is archived; restore it before editing";

    private ContentErrors() {}

    /** 409 VERSION_CONFLICT: the client keeps its text and gets the server's (details serverVersion, clientVersion, serverContent). */
    public static ApiException conflict(int serverVersion, int clientVersion, String serverContent) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("serverVersion", serverVersion);
        details.put("clientVersion", clientVersion);
        details.put("serverContent", serverContent);
        return new ApiException(ErrorCode.VERSION_CONFLICT, VERSION_CONFLICT, details);
    }

    /** 409 PROJECT_ARCHIVED: an archived project is read-only until restored. */
    public static ApiException archived() {
        return new ApiException(ErrorCode.PROJECT_ARCHIVED, PROJECT_ARCHIVED);
    }

    /** 413 PAYLOAD_TOO_LARGE: a text above {@code content.max-content-bytes}. */
    public static ApiException tooLarge(long maxBytes) {
        return new ApiException(
                ErrorCode.PAYLOAD_TOO_LARGE,
                "Content is larger than the " + maxBytes + " bytes a project may hold",
                Map.of("maxBytes", maxBytes));
    }

    /** 400 VALIDATION_ERROR on {@code patch}: a delta that does not apply to the text of its base version. */
    public static ApiException patchNotApplicable(int base, String why) {
        return new ApiException(
                ErrorCode.VALIDATION_ERROR,
                "The patch does not apply to version " + base + ": " + why,
                Map.of("field", "patch"));
    }
}
