package dev.carrier.persistence.users;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface AvatarRepository extends Repository<AvatarEntity, String> {

	Optional<AvatarEntity> findById(String userId);

}
