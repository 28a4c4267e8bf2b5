// Export benchmark (not a test): renders one generated Markdown manuscript with export-service's renderers.
//   java -cp <export-service classes + dependencies> ExportBench.java generate <words> <file.md>
//   java -Xmx128m -cp ... ExportBench.java <txt|docx|pdf|epub> <file.md> [runs]
// Prints one line: format, first (cold) run ms, median of the warm runs ms, file size, peak heap MB (the sum of the
// heap pools' peak usage over the whole process, garbage included). run.sh drives it and pandoc side by side.
import com.writerstree.export.render.ExportFormat;
import com.writerstree.export.render.ManuscriptRenderer;
import com.writerstree.export.render.markdown.MarkdownReader;
import com.writerstree.export.render.model.ExportStyle;
import com.writerstree.export.render.model.Manuscript;
import com.writerstree.export.render.model.ManuscriptMeta;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

public class ExportBench {

    private static final String[] WORDS = ("the a of and to in was he she it that his her with as had for on at but not by "
            + "from they we said were be this which or one all there would their what so out up into if no more could "
            + "when time about some like then them over only very just any your than been other after night house "
            + "winter garden letter window river morning silence shadow candle promise journey stranger memory orchard "
            + "lantern harbour whisper meadow thunder velvet crimson hollow distant ancient gentle restless quiet").split(" ");

    public static void main(String[] args) throws Exception {
        if (args[0].equals("generate")) {
            Files.writeString(Path.of(args[2]), generate(Integer.parseInt(args[1])), StandardCharsets.UTF_8);
            return;
        }
        ExportFormat format = ExportFormat.valueOf(args[0].toUpperCase());
        ExportStyle style = args.length > 3 ? ExportStyle.valueOf(args[3].toUpperCase()) : ExportStyle.BOOK;
        String text = Files.readString(Path.of(args[1]));
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long[] ms = new long[runs];
        long size = 0;
        Path out = Files.createTempFile("bench-", "." + format.extension());
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            // what the service does per request: read the Markdown, render into a temporary file
            Manuscript m = new Manuscript(text, MarkdownReader.read(text),
                    new ManuscriptMeta("Benchmark Novel", "Ada Bench", "ada@example.com", 100_000, 100_000, 100,
                            Instant.parse("2026-01-01T00:00:00Z"), "00000000-0000-4000-8000-000000000000"),
                    style, true);
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                ManuscriptRenderer.of(format).render(m, o);
            }
            ms[i] = (System.nanoTime() - start) / 1_000_000;
            size = Files.size(out);
        }
        Files.deleteIfExists(out);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long[] warm = runs > 1 ? Arrays.copyOfRange(ms, 1, runs) : ms;
        Arrays.sort(warm);
        System.out.printf("%-5s %-10s cold %5d ms  warm median %5d ms  %8.1f kB  peak heap %5.0f MB%n", format.extension(),
                style.wire(), ms[0], warm[warm.length / 2], size / 1024.0, peak / 1048576.0);
    }

    /** Chapters of ~4,000 words, paragraphs of 40-160 words, a little bold and italic, scene breaks. Seeded. */
    static String generate(int words) {
        Random r = new Random(42);
        StringBuilder sb = new StringBuilder(words * 7);
        int written = 0;
        int chapter = 0;
        while (written < words) {
            sb.append("# Chapter ").append(++chapter).append("\n\n");
            written += 2;
            int chapterEnd = Math.min(words, written + 4000);
            while (written < chapterEnd) {
                int n = Math.min(chapterEnd - written, 40 + r.nextInt(120));
                for (int i = 0; i < n; i++) {
                    String w = WORDS[r.nextInt(WORDS.length)];
                    if (i == 0) w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
                    int style = r.nextInt(200);
                    sb.append(style == 0 ? "*" + w + "*" : style == 1 ? "**" + w + "**" : w);
                    sb.append(i == n - 1 ? ".\n\n" : r.nextInt(12) == 0 ? ", " : " ");
                }
                written += n;
                if (r.nextInt(25) == 0) sb.append("***\n\n");
            }
        }
        return sb.toString();
    }
}
