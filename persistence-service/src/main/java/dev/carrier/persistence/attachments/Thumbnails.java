package dev.carrier.persistence.attachments;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.springframework.stereotype.Component;

/**
 * Makes an image's thumbnail (at most {@value #SIZE} pixels on its long side, JPEG, or
 * PNG when it has transparency), decoding within bounds as auth-service does for avatars:
 * the header's dimensions are checked before any pixel is decoded, the image is decoded
 * subsampled (the raster held stays under twice the thumbnail's size whatever the image
 * declares), and only a few decodes run at once.
 */
@Component
class Thumbnails {

	static final int SIZE = 320;

	private final AttachmentProperties properties;

	private final Semaphore decodeSlots;

	Thumbnails(AttachmentProperties properties) {
		this.properties = properties;
		this.decodeSlots = new Semaphore(properties.concurrentDecodes(), true);
	}

	/** The image's dimensions and its thumbnail. */
	record Thumbnail(int width, int height, String type, byte[] bytes) {
	}

	Thumbnail of(byte[] bytes, String type) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
		if (!readers.hasNext()) {
			throw new AttachmentRefused.UnsupportedType("Images of type " + type + " cannot be read here");
		}
		ImageReader reader = readers.next();
		try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
			reader.setInput(in, true, true);
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			if (width < 1 || height < 1 || (long) width * height > this.properties.maxPixels()) {
				throw new AttachmentRefused.UnsupportedType("The image declares " + width + "x" + height
						+ " pixels; at most " + this.properties.maxPixels() + " pixels are accepted");
			}
			BufferedImage decoded = decodeInSlot(reader, width, height);
			return encode(fit(decoded, width, height), width, height);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof AttachmentRefused) {
				throw (RuntimeException) ex;
			}
			throw new AttachmentRefused.UnsupportedType("The image is damaged or not really a " + type);
		}
		finally {
			reader.dispose();
		}
	}

	private BufferedImage decodeInSlot(ImageReader reader, int width, int height) throws IOException {
		try {
			if (!this.decodeSlots.tryAcquire(this.properties.decodeWait().toMillis(), TimeUnit.MILLISECONDS)) {
				throw new AttachmentRefused.Busy("Too many images are being read; retry shortly");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AttachmentRefused.Busy("Interrupted while waiting to read the image");
		}
		try {
			int step = Math.max(1, Math.max(width, height) / SIZE);
			ImageReadParam param = reader.getDefaultReadParam();
			param.setSourceSubsampling(step, step, 0, 0);
			return reader.read(0, param);
		}
		finally {
			this.decodeSlots.release();
		}
	}

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
			graphics.drawImage(decoded, 0, 0, targetWidth, targetHeight, null);
		}
		finally {
			graphics.dispose();
		}
		return target;
	}

	private static Thumbnail encode(BufferedImage image, int width, int height) throws IOException {
		boolean png = image.getColorModel().hasAlpha();
		ImageWriter writer = ImageIO.getImageWritersByFormatName(png ? "png" : "jpeg").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		if (!png) {
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.85f);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		// in memory: ImageIO's default stream may spill to temporary files
		try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(stream);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return new Thumbnail(width, height, png ? FileType.PNG : FileType.JPEG, out.toByteArray());
	}

}
