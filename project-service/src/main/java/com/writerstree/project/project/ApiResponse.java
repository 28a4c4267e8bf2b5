package com.writerstree.project.project;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The spec's success envelope: {@code {"success": true, "message"?: "...", "data": {...}}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(boolean success, String message, T data) {

    public static <T> ApiResponse<T> of(T data) {
        return new ApiResponse<>(true, null, data);
    }

    public static <T> ApiResponse<T> of(String message, T data) {
        return new ApiResponse<>(true, message, data);
    }
}
