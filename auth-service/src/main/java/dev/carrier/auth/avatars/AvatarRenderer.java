package dev.carrier.auth.avatars;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.springframework.stereotype.Component;

import dev.carrier.auth.avatars.AvatarProblems.DecodingBusy;
import dev.carrier.auth.avatars.AvatarProblems.ImageTooLarge;
import dev.carrier.auth.avatars.AvatarProblems.InvalidImage;

/**
 * Turns an uploaded image into the rendition Carrier stores and serves: at most
 * {@value #SIZE}x{@value #SIZE}, aspect kept, re-encoded here, so no viewer ever
 * downloads (or decodes) what an uploader crafted. Decoding is bounded three ways: the
 * header's width and height are checked before any pixel is decoded (CPU per decode); the
 * image is decoded subsampled, so the raster held is under 1024 pixels on its long side
 * whatever the image declares (memory per decode, at most 8 MB); and a few decodes run at
 * once (memory and CPU in all).
 */
@Component
class AvatarRenderer {

	static final int SIZE = 512;

	private final AvatarProperties properties;

	private final Semaphore decodeSlots;

	AvatarRenderer(AvatarProperties properties) {
		this.properties = properties;
		this.decodeSlots = new Semaphore(properties.concurrentDecodes(), true);
	}

	/**
	 * @throws ImageTooLarge (400) when the header declares too many pixels
	 * @throws InvalidImage (400) when the image cannot be decoded
	 * @throws DecodingBusy (503) when no decode slot freed up in time
	 */
	Rendition render(byte[] bytes, ImageFormat format) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase(Locale.ROOT));
		if (!readers.hasNext()) {
			throw new InvalidImage("This kind of image cannot be read here");
		}
		ImageReader reader = readers.next();
		try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
			reader.setInput(in, true, true);
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			checkDeclaredSize(width, height);
			BufferedImage decoded = decodeInSlot(reader, width, height);
			return Rendition.of(fit(decoded, width, height));
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidImage || ex instanceof DecodingBusy) {
				throw (RuntimeException) ex;
			}
			throw new InvalidImage("The image is damaged or not really an image");
		}
		finally {
			reader.dispose();
		}
	}

	private void checkDeclaredSize(int width, int height) {
		if (width < 1 || height < 1 || width > ImageCheck.MAX_DIMENSION || height > ImageCheck.MAX_DIMENSION
				|| (long) width * height > this.properties.maxPixels()) {
			throw new ImageTooLarge(this.properties.maxPixels(), ImageCheck.MAX_DIMENSION);
		}
	}

	private BufferedImage decodeInSlot(ImageReader reader, int width, int height) throws IOException {
		boolean acquired;
		try {
			acquired = this.decodeSlots.tryAcquire(this.properties.decodeWait().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DecodingBusy();
		}
		if (!acquired) {
			throw new DecodingBusy();
		}
		try {
			// Every step-th pixel of every step-th row: the long side decodes to under 2
			// * SIZE.
			int step = Math.max(1, Math.max(width, height) / SIZE);
			ImageReadParam param = reader.getDefaultReadParam();
			param.setSourceSubsampling(step, step, 0, 0);
			return reader.read(0, param);
		}
		finally {
			this.decodeSlots.release();
		}
	}

	/**
	 * The decoded image scaled to fit SIZE x SIZE with the original's aspect; never
	 * enlarged.
	 */
	private static BufferedImage fit(BufferedImage decoded, int width, int height) {
		double scale = Math.min(1.0, (double) SIZE / Math.max(width, height));
		int targetWidth = Math.max(1, (int) Math.round(width * scale));
		int targetHeight = Math.max(1, (int) Math.round(height * scale));
		boolean alpha = decoded.getColorModel().hasAlpha();
		BufferedImage target = new BufferedImage(targetWidth, targetHeight,
				alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = target.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.drawImage(decoded, 0, 0, targetWidth, targetHeight, null);
		}
		finally {
			graphics.dispose();
		}
		return target;
	}

}
