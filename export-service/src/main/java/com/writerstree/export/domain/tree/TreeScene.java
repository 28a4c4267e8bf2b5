package com.writerstree.export.domain.tree;

import java.util.List;

/**
 * A drawn tree as a list of simple shapes in pixel coordinates (y down), painted in order. The PNG and the SVG
 * are both made from this one list, so they show the same tree.
 */
public record TreeScene(int width, int height, Integer background, List<Shape> shapes) {

    public sealed interface Shape {}

    /** A tapered branch: a quadrilateral from (x1,y1) width w1 to (x2,y2) width w2, with a round joint. */
    public record Branch(double x1, double y1, double x2, double y2, double w1, double w2, int rgb) implements Shape {}

    /** A leaf, blossom petal, snow cap or the ground: an ellipse rotated by {@code angle} degrees. */
    public record Blob(double cx, double cy, double rx, double ry, double angle, int rgb, double opacity)
            implements Shape {}
}
