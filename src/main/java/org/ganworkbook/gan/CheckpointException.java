package org.ganworkbook.gan;

/**
 * A checkpoint file that cannot be used: not a checkpoint, another format version, truncated, damaged
 * (checksum), or written by another config or on other data. The message names the file and what to do.
 */
public class CheckpointException extends RuntimeException {

    public CheckpointException(String message) {
        super(message);
    }
}
