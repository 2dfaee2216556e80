package org.ganworkbook.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads one file out of a gzip-compressed tar archive (an npm package tarball), without unpacking
 * the rest. Handles the ustar name prefix and GNU long names; other entry types are skipped.
 */
final class TarGz {

    private TarGz() {
    }

    /**
     * Copies one member of a gzip-compressed tar archive to {@code target}.
     *
     * @return false if the archive has no member called {@code member}
     */
    static boolean extract(Path tgz, String member, Path target) throws IOException {
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tgz), 1 << 16))) {
            byte[] header = new byte[512];
            String longName = null;
            while (readBlock(in, header)) {
                if (header[0] == 0) {
                    return false; // end-of-archive marker
                }
                String name = longName != null ? longName : tarName(header);
                longName = null;
                long size = Long.parseLong(new String(header, 124, 12, StandardCharsets.US_ASCII).trim().replace("\0", ""), 8);
                char type = (char) header[156];
                long padded = (size + 511) / 512 * 512;
                if (type == 'L') { // GNU long name: the next header's name is in this entry's data
                    byte[] data = in.readNBytes((int) padded);
                    longName = new String(data, 0, (int) size, StandardCharsets.UTF_8).replace("\0", "");
                    continue;
                }
                if ((type == '0' || type == 0) && name.equals(member)) {
                    try (OutputStream out = Files.newOutputStream(target)) {
                        copyExactly(in, out, size);
                    }
                    return true;
                }
                in.skipNBytes(padded);
            }
            return false;
        } catch (EOFException | NoSuchFileException e) {
            throw new IOException("the tarball is incomplete (" + e.getMessage() + ")", e);
        } catch (NumberFormatException e) {
            throw new IOException("the tarball is not a valid tar archive", e);
        }
    }

    private static String tarName(byte[] h) {
        String name = cString(h, 0, 100);
        String magic = cString(h, 257, 6);
        if (magic.startsWith("ustar")) {
            String prefix = cString(h, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
        }
        return name;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, block.length);
        if (n == 0) {
            return false;
        }
        if (n < block.length) {
            throw new EOFException("short tar header");
        }
        return true;
    }

    private static void copyExactly(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buf = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                throw new EOFException("member ends early");
            }
            out.write(buf, 0, r);
            left -= r;
        }
    }
}
