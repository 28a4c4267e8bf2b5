package com.writerstree.suggestion.domain.lm;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The compact binary form of {@link NgramCounts}, gzipped: a header, the vocabulary (key and written form of
 * each id) and the sorted 4-grams, each as the number of leading ids it shares with the previous one, its
 * remaining ids and its count, all as variable-length integers. The same counts always give the same bytes
 * (Java's gzip header carries no time stamp), so the training script regenerates the committed model exactly.
 */
public final class ModelCodec {

    private static final int MAGIC = 0x57544c4d; // "WTLM"
    private static final int FORMAT = 1;

    private ModelCodec() {}

    public static void write(NgramCounts counts, OutputStream target) throws IOException {
        GZIPOutputStream zip = new GZIPOutputStream(target, 1 << 16);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(zip, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(NgramCounts.ORDER);
        out.writeInt(counts.keys.size());
        for (int i = 0; i < counts.keys.size(); i++) {
            out.writeUTF(counts.keys.get(i));
            out.writeUTF(counts.surfaces.get(i));
        }
        out.writeInt(counts.grams.length);
        long previous = 0;
        for (int i = 0; i < counts.grams.length; i++) {
            long gram = counts.grams[i];
            int shared = 0;
            while (shared < NgramCounts.ORDER - 1
                    && NgramCounts.word(gram, shared) == NgramCounts.word(previous, shared)
                    && i > 0) {
                shared++;
            }
            out.writeByte(shared);
            for (int p = shared; p < NgramCounts.ORDER; p++) {
                writeVarint(out, NgramCounts.word(gram, p));
            }
            writeVarint(out, counts.counts[i]);
            previous = gram;
        }
        out.flush();
        zip.finish();
    }

    public static NgramCounts read(InputStream source) throws IOException {
        DataInputStream in =
                new DataInputStream(new BufferedInputStream(new GZIPInputStream(source, 1 << 16), 1 << 16));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT || in.readInt() != NgramCounts.ORDER) {
            throw new IOException("not a Writer's Tree language model (or another format version)");
        }
        int v = in.readInt();
        if (v < 1 || v > NgramCounts.MAX_VOCABULARY) {
            throw new IOException("vocabulary size out of range: " + v);
        }
        List<String> keys = new ArrayList<>(v);
        List<String> surfaces = new ArrayList<>(v);
        for (int i = 0; i < v; i++) {
            keys.add(in.readUTF());
            surfaces.add(in.readUTF());
        }
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("n-gram count out of range: " + n);
        }
        long[] grams = new long[n];
        int[] counts = new int[n];
        int[] ids = new int[NgramCounts.ORDER];
        for (int i = 0; i < n; i++) {
            int shared = in.readUnsignedByte();
            if (shared >= NgramCounts.ORDER) {
                throw new IOException("corrupt n-gram " + i);
            }
            for (int p = shared; p < NgramCounts.ORDER; p++) {
                ids[p] = readVarint(in);
                if (ids[p] >= v) {
                    throw new IOException("word id out of range in n-gram " + i);
                }
            }
            grams[i] = NgramCounts.pack(ids[0], ids[1], ids[2], ids[3]);
            counts[i] = readVarint(in);
        }
        return new NgramCounts(List.copyOf(keys), List.copyOf(surfaces), grams, counts);
    }

    private static void writeVarint(DataOutputStream out, int value) throws IOException {
        while ((value & ~0x7F) != 0) {
            out.writeByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.writeByte(value);
    }

    private static int readVarint(DataInputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("corrupt variable-length integer");
    }
}
