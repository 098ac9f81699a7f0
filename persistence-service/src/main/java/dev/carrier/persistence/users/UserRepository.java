package dev.carrier.persistence.users;

import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface UserRepository extends Repository<UserEntity, String> {

	Optional<UserEntity> findById(String id);

	@Query("select u from UserEntity u where u.usernameLower = :login or u.emailLower = :login")
	Optional<UserEntity> findByLogin(String login);

}
