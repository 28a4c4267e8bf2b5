package com.writerstree.export.domain.tree;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Paints a {@link TreeScene} as PNG (Java2D, exactly the requested size) or as a self-contained SVG. */
public final class TreeImages {

    private TreeImages() {}

    public static byte[] png(TreeScene scene) {
        boolean transparent = scene.background() == null;
        BufferedImage image = new BufferedImage(
                scene.width(), scene.height(), transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            if (!transparent) {
                g.setColor(new Color(scene.background()));
                g.fillRect(0, 0, scene.width(), scene.height());
            }
            for (TreeScene.Shape shape : scene.shapes()) {
                if (shape instanceof TreeScene.Branch b) {
                    g.setColor(new Color(b.rgb()));
                    g.fill(branchPath(b));
                    double r = b.w1() / 2;
                    g.fill(new Ellipse2D.Double(b.x1() - r, b.y1() - r, 2 * r, 2 * r));
                } else if (shape instanceof TreeScene.Blob e) {
                    g.setColor(new Color((e.rgb() >> 16) & 0xFF, (e.rgb() >> 8) & 0xFF, e.rgb() & 0xFF, (int)
                            Math.round(e.opacity() * 255)));
                    AffineTransform saved = g.getTransform();
                    g.translate(e.cx(), e.cy());
                    g.rotate(Math.toRadians(e.angle()));
                    g.fill(new Ellipse2D.Double(-e.rx(), -e.ry(), 2 * e.rx(), 2 * e.ry()));
                    g.setTransform(saved);
                }
            }
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path2D branchPath(TreeScene.Branch b) {
        double[] q = quad(b);
        Path2D.Double p = new Path2D.Double();
        p.moveTo(q[0], q[1]);
        p.lineTo(q[2], q[3]);
        p.lineTo(q[4], q[5]);
        p.lineTo(q[6], q[7]);
        p.closePath();
        return p;
    }

    /** The four corners of a tapered branch. */
    private static double[] quad(TreeScene.Branch b) {
        double dx = b.x2() - b.x1();
        double dy = b.y2() - b.y1();
        double len = Math.hypot(dx, dy);
        double nx = len == 0 ? 0 : -dy / len;
        double ny = len == 0 ? 0 : dx / len;
        double h1 = b.w1() / 2;
        double h2 = b.w2() / 2;
        return new double[] {
            b.x1() + nx * h1,
            b.y1() + ny * h1,
            b.x2() + nx * h2,
            b.y2() + ny * h2,
            b.x2() - nx * h2,
            b.y2() - ny * h2,
            b.x1() - nx * h1,
            b.y1() - ny * h1
        };
    }

    public static byte[] svg(TreeScene scene) {
        StringBuilder sb = new StringBuilder(64 * scene.shapes().size() + 512);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"")
                .append(scene.width())
                .append("\" height=\"")
                .append(scene.height())
                .append("\" viewBox=\"0 0 ")
                .append(scene.width())
                .append(' ')
                .append(scene.height())
                .append("\">\n<title>Writer's Tree</title>\n");
        if (scene.background() != null) {
            sb.append("<rect width=\"100%\" height=\"100%\" fill=\"")
                    .append(hex(scene.background()))
                    .append("\"/>\n");
        }
        for (TreeScene.Shape shape : scene.shapes()) {
            if (shape instanceof TreeScene.Branch b) {
                double[] q = quad(b);
                sb.append("<path fill=\"").append(hex(b.rgb())).append("\" d=\"M");
                for (int i = 0; i < 8; i += 2) {
                    sb.append(i == 0 ? "" : " L").append(num(q[i])).append(' ').append(num(q[i + 1]));
                }
                sb.append(" Z\"/><circle fill=\"")
                        .append(hex(b.rgb()))
                        .append("\" cx=\"")
                        .append(num(b.x1()))
                        .append("\" cy=\"")
                        .append(num(b.y1()))
                        .append("\" r=\"")
                        .append(num(b.w1() / 2))
                        .append("\"/>\n");
            } else if (shape instanceof TreeScene.Blob e) {
                sb.append("<ellipse fill=\"").append(hex(e.rgb())).append('"');
                if (e.opacity() < 1) {
                    sb.append(" fill-opacity=\"").append(num(e.opacity())).append('"');
                }
                sb.append(" cx=\"")
                        .append(num(e.cx()))
                        .append("\" cy=\"")
                        .append(num(e.cy()))
                        .append("\" rx=\"")
                        .append(num(e.rx()))
                        .append("\" ry=\"")
                        .append(num(e.ry()))
                        .append('"');
                if (e.angle() != 0) {
                    sb.append(" transform=\"rotate(")
                            .append(num(e.angle()))
                            .append(' ')
                            .append(num(e.cx()))
                            .append(' ')
                            .append(num(e.cy()))
                            .append(")\"");
                }
                sb.append("/>\n");
            }
        }
        sb.append("</svg>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
