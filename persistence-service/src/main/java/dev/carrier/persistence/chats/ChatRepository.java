package dev.carrier.persistence.chats;

import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ChatRepository extends Repository<ChatEntity, String> {

	Optional<ChatEntity> findById(String id);

	@Query("select c.id from ChatEntity c where c.directKey = :directKey")
	Optional<String> findIdByDirectKey(String directKey);

}
