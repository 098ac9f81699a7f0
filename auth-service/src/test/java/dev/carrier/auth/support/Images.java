package dev.carrier.auth.support;

/** The smallest byte sequence the service takes for a PNG: its signature and an IHDR tag. */
public final class Images {

	public static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
			'R' };

	private Images() {
	}

}
