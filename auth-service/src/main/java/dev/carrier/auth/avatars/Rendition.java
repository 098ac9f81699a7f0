package dev.carrier.auth.avatars;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * An avatar as the server encoded it: PNG when the image has transparency (JPEG has
 * none), JPEG otherwise, which keeps a 512-pixel photo in tens of kilobytes rather than
 * hundreds.
 */
record Rendition(String contentType, byte[] bytes) {

	private static final float JPEG_QUALITY = 0.85f;

	static Rendition of(BufferedImage image) {
		boolean png = image.getColorModel().hasAlpha();
		ImageWriter writer = ImageIO.getImageWritersByFormatName(png ? "png" : "jpeg").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		if (!png) {
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(JPEG_QUALITY);
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		// In memory: ImageIO's default stream may spill to temporary files.
		try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not encode an avatar", ex);
		}
		finally {
			writer.dispose();
		}
		return new Rendition(png ? ImageFormat.PNG.contentType() : ImageFormat.JPEG.contentType(), bytes.toByteArray());
	}

}
