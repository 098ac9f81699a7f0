package dev.carrier.auth.avatars;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code {"preset": NAME}} with NAME one of {@link AvatarPresets#NAMES}. */
public record PresetRequest(@NotNull @Size(max = 32) String preset) {
}
