package org.singanseg.studio.core.image;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A grid of image/mask pairs for looking at results: each pair is shown as the image above the
 * image with its mask tinted and outlined, rows labelled.
 */
public final class ContactSheet {
    private static final int GAP = 6;
    private static final int LABEL = 18;
    private static final Color TINT = new Color(0, 230, 90);

    /** One labelled row of pairs (RGB in [0, 1] and binary masks). */
    public record Row(String label, List<Planes> images, List<boolean[]> masks) {
    }

    private ContactSheet() {
    }

    public static BufferedImage render(List<Row> rows, int tileWidth) {
        int columns = rows.stream().mapToInt(r -> r.images().size()).max().orElse(1);
        Planes first = rows.get(0).images().get(0);
        int tileHeight = Math.max(1, Math.round((float) tileWidth * first.height() / first.width()));
        int rowHeight = LABEL + 2 * tileHeight + GAP;
        BufferedImage sheet = new BufferedImage(GAP + columns * (tileWidth + GAP), GAP + rows.size() * (rowHeight + GAP),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(32, 32, 36));
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            int top = GAP + r * (rowHeight + GAP);
            g.setColor(Color.WHITE);
            g.drawString(row.label(), GAP, top + 13);
            for (int c = 0; c < row.images().size(); c++) {
                int left = GAP + c * (tileWidth + GAP);
                Planes image = row.images().get(c);
                boolean[] mask = row.masks().get(c);
                g.drawImage(PngFiles.rgb(image), left, top + LABEL, tileWidth, tileHeight, null);
                g.drawImage(overlay(image, mask), left, top + LABEL + tileHeight, tileWidth, tileHeight, null);
            }
        }
        g.dispose();
        return sheet;
    }

    /** The image with the mask tinted at 40% and its border drawn solid. */
    public static BufferedImage overlay(Planes image, boolean[] mask) {
        BufferedImage out = PngFiles.rgb(image);
        int w = image.width();
        int h = image.height();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (!mask[i]) {
                    continue;
                }
                boolean edge = x == 0 || y == 0 || x == w - 1 || y == h - 1
                        || !mask[i - 1] || !mask[i + 1] || !mask[i - w] || !mask[i + w];
                int rgb = out.getRGB(x, y);
                out.setRGB(x, y, edge ? TINT.getRGB() : blend(rgb, TINT.getRGB(), 0.4));
            }
        }
        return out;
    }

    private static int blend(int rgb, int tint, double amount) {
        int r = (int) (((rgb >> 16) & 0xff) * (1 - amount) + ((tint >> 16) & 0xff) * amount);
        int g = (int) (((rgb >> 8) & 0xff) * (1 - amount) + ((tint >> 8) & 0xff) * amount);
        int b = (int) ((rgb & 0xff) * (1 - amount) + (tint & 0xff) * amount);
        return (r << 16) | (g << 8) | b;
    }
}
