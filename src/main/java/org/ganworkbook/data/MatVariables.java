package org.ganworkbook.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Sources;
import us.hebi.matlab.mat.types.Struct;

/**
 * Reads numeric variables from MATLAB MAT-files (versions 5 to 7, the formats {@code scipy.io.loadmat} reads)
 * with {@code us.hebi.matlab.mat:mfl-core}, and turns every way a file can be wrong into one
 * {@link DataFileException} that names the file, says what was expected and what was found, and ends with
 * the fix.
 *
 * <p>A variable is looked up at the top level of the file first, then among the fields of a top-level
 * 1×1 struct (a data set saved as one struct). MATLAB stores arrays column-major: element
 * {@code (i0, i1, ..., ik)} of an array with dimensions {@code (d0, d1, ..., dk)} sits at linear index
 * {@code i0 + d0·(i1 + d1·(i2 + ...))}, which is the index {@link #grayLevel} takes.
 */
final class MatVariables {

    /** MAT-file header: 116 bytes of text, 8 bytes of subsystem offset, 2 bytes version, 2 bytes endian. */
    private static final int HEADER = 128;

    private final MatFile mat;
    private final String source;
    private final String fix;

    private MatVariables(MatFile mat, String source, String fix) {
        this.mat = mat;
        this.source = source;
        this.fix = fix;
    }

    /**
     * Parses a MAT-file held in memory (e.g. bytes that passed their checksum).
     *
     * @param bytes  the whole file. Not modified.
     * @param source the file's name or path, for messages
     * @param fix    how to get a good file (ends every error message)
     */
    static MatVariables parse(byte[] bytes, String source, String fix) {
        checkHeader(bytes, bytes.length, source, fix);
        try {
            return new MatVariables(Mat5.newReader(Sources.wrap(bytes)).readMat(), source, fix);
        } catch (IOException | RuntimeException e) {
            throw damaged(source, e, fix);
        }
    }

    /** Reads and parses a MAT-file from disk (no checksum: for files the user supplies). */
    static MatVariables read(Path file, String fix) {
        String source = file.toString();
        byte[] head = new byte[HEADER];
        int n;
        try (var in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, HEADER);
        } catch (NoSuchFileException e) {
            throw new DataFileException("MAT-file " + file + " does not exist. " + fix, e);
        } catch (IOException e) {
            throw new DataFileException("MAT-file " + file + " cannot be read (" + e + "). " + fix, e);
        }
        checkHeader(head, n, source, fix);
        try {
            return new MatVariables(Mat5.readFromFile(file.toFile()), source, fix);
        } catch (IOException | RuntimeException e) {
            throw damaged(source, e, fix);
        }
    }

    /**
     * A numeric, real, non-sparse matrix variable.
     *
     * @param name     the variable (or struct field) name
     * @param expected what it should be, for the message, e.g. {@code "4096 x 400 uint8 (64x64 faces, one per column)"}
     * @throws DataFileException if it is missing or not a real numeric array; the message lists the file's variables
     */
    Matrix numeric(String name, String expected) {
        Array a = find(name);
        if (a == null) {
            throw new DataFileException("MAT-file " + source + " has no variable '" + name + "' (expected "
                    + expected + "); it holds " + inventory() + ". It is not the expected data file. " + fix);
        }
        if (!(a instanceof Matrix m) || a.getType() == MatlabType.Sparse || isText(a.getType())) {
            throw wrong(name, a, expected);
        }
        if (m.isComplex() || m.isLogical()) {
            throw wrong(name, a, expected);
        }
        return m;
    }

    /** @return true if the file has a variable (or struct field) of that name */
    boolean has(String name) {
        return find(name) != null;
    }

    /**
     * Element {@code index} (linear, column-major) of {@code m} as an 8-bit gray level 0..255.
     *
     * @throws DataFileException if the value is not a whole number in [0, 255]
     */
    int grayLevel(Matrix m, int index, String name) {
        if (m.getType() == MatlabType.UInt8) {
            return m.getByte(index) & 0xff;
        }
        double v = m.getDouble(index);
        if (!(v >= 0 && v <= 255) || v != Math.rint(v)) {
            throw new DataFileException("MAT-file " + source + ": variable '" + name + "' holds " + v + " at linear index "
                    + index + ", but images must be 8-bit gray levels (whole numbers 0..255). " + fix);
        }
        return (int) v;
    }

    /** Element {@code index} of {@code m} as a whole number; an error if it is not one. */
    int integer(Matrix m, int index, String name) {
        double v = m.getDouble(index);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new DataFileException("MAT-file " + source + ": variable '" + name + "' holds " + v + " at linear index "
                    + index + ", but it must hold whole numbers. " + fix);
        }
        return (int) v;
    }

    /** An error for a variable of the wrong shape: names the file, the variable, the expected and found shape. */
    DataFileException wrongShape(String name, Array found, String expected) {
        return wrong(name, found, expected);
    }

    /** The file's name or path, as given. */
    String source() {
        return source;
    }

    /** {@code uint8 4096x400}, {@code struct 1x1}, ... */
    static String describe(Array a) {
        String type = a.getType().toString();
        if (a instanceof Matrix m && m.isComplex()) {
            type = "complex " + type;
        }
        StringBuilder sb = new StringBuilder(type).append(' ');
        int[] dims = a.getDimensions();
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : "x").append(dims[i]);
        }
        return sb.toString();
    }

    private DataFileException wrong(String name, Array a, String expected) {
        return new DataFileException("MAT-file " + source + ": variable '" + name + "' is " + describe(a)
                + ", expected " + expected + ". It is not the expected data file (or was re-saved differently). " + fix);
    }

    private Array find(String name) {
        for (MatFile.Entry e : mat.getEntries()) {
            if (e.getName().equals(name)) {
                return e.getValue();
            }
        }
        for (MatFile.Entry e : mat.getEntries()) {
            if (e.getValue() instanceof Struct s && s.getNumElements() == 1 && s.getFieldNames().contains(name)) {
                return s.get(name);
            }
        }
        return null;
    }

    private String inventory() {
        List<String> parts = new ArrayList<>();
        for (MatFile.Entry e : mat.getEntries()) {
            String item = "'" + e.getName() + "' (" + describe(e.getValue()) + ")";
            if (e.getValue() instanceof Struct s && s.getNumElements() == 1) {
                item += " with fields " + s.getFieldNames();
            }
            parts.add(item);
        }
        return parts.isEmpty() ? "no variables" : String.join(", ", parts);
    }

    private static boolean isText(MatlabType t) {
        return t == MatlabType.Character || t == MatlabType.Cell || t == MatlabType.Structure
                || t == MatlabType.Object || t == MatlabType.Function || t == MatlabType.Opaque;
    }

    /** A MAT-file starts with a text header naming its level; v7.3 files are HDF5 inside. */
    private static void checkHeader(byte[] head, int length, String source, String fix) {
        String text = new String(head, 0, Math.min(length, 116), StandardCharsets.ISO_8859_1);
        if (text.startsWith("MATLAB 7.3 MAT-file") || (length >= 8 && head[0] == (byte) 0x89 && text.startsWith("\u0089HDF"))) {
            throw new DataFileException("MAT-file " + source + " is a MATLAB 7.3 (HDF5) file, which this reader (mfl-core,"
                    + " like scipy.io.loadmat) cannot read. Convert it once in MATLAB or Octave: load it and"
                    + " `save('-v7', '<new name>.mat', ...)` with the same variables. " + fix);
        }
        if (length < HEADER || !text.startsWith("MATLAB")) {
            String start = text.substring(0, Math.min(text.length(), 24)).replaceAll("[^\\x20-\\x7e]", ".");
            throw new DataFileException(source + " is not a MATLAB MAT-file: it is " + (length < HEADER ? "only " + length
                    + " bytes long (a MAT-file header alone has " + HEADER + ")" : "a file starting with \"" + start + "\"")
                    + ", expected a header starting with \"MATLAB 5.0 MAT-file\". " + fix);
        }
    }

    private static DataFileException damaged(String source, Exception e, String fix) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new DataFileException("MAT-file " + source + " has a valid header but cannot be read: " + reason
                + ". It is damaged or truncated (an incomplete download?). " + fix, e);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MatVariables[%s: %s]", source, inventory());
    }

    /** Dimensions as {@code [a, b, c]}. */
    static String dims(Array a) {
        return Arrays.toString(a.getDimensions());
    }
}
