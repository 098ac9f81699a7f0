package dev.carrier.auth.web;

import org.springframework.util.unit.DataSize;

/**
 * A body limit of its own for one path, larger than
 * {@code carrier.request-limits.max-body}: a feature that takes uploads declares one as a
 * bean, and {@link RequestSizeLimitFilter} holds requests to it.
 */
public record UploadLimit(String path, DataSize maxBytes) {
}
