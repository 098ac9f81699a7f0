package dev.carrier.auth.accounts;

import jakarta.validation.constraints.NotNull;

/**
 * {@code PUT /api/users/me/presence}: whether others may see when the caller is online.
 */
public record PresenceSettingRequest(@NotNull Boolean visible) {
}
