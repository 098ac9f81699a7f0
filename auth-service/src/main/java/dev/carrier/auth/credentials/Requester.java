package dev.carrier.auth.credentials;

/**
 * Whom a password hash is done for. The {@link HashingPool} caps the hashes in flight per
 * account and per client address, so that one account or one address beyond its share is
 * refused alone and everybody else still gets a slot.
 *
 * @param account the account (user id), or the normalized login name for a login, which
 * may have no account; null when none applies
 * @param address the client's address as the gateway saw it; null when none applies
 */
public record Requester(String account, String address) {

	/**
	 * Work the service does for itself (the dummy hash unknown logins are checked
	 * against).
	 */
	public static final Requester SERVICE = new Requester(null, null);

}
