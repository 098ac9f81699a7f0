package dev.carrier.auth.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.carrier.auth.web.Caller;
import dev.carrier.auth.web.ClientAddress;

@RestController
@Tag(name = "credentials", description = "Change your password")
class PasswordController {

	private final PasswordService passwords;

	PasswordController(PasswordService passwords) {
		this.passwords = passwords;
	}

	@PutMapping(path = "/api/users/me/password", consumes = "application/json")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(
			summary = "Change the password (403 wrong-password when the current one is wrong, 429 with Retry-After after too "
					+ "many wrong ones); every other session ends")
	void changePassword(Caller caller, @Valid @RequestBody ChangePasswordRequest request, HttpServletRequest http) {
		this.passwords.changePassword(caller.userId(), caller.token(), request.currentPassword(), request.newPassword(),
				ClientAddress.of(http));
	}

}
