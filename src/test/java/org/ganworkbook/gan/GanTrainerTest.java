package org.ganworkbook.gan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GanTrainerTest {

    @Test
    void sameSeedSameRunBitForBit() {
        GanTrainer a = GanTrainer.create(TinyGan.config(), TinyGan.gandata(), 5L);
        GanTrainer b = GanTrainer.create(TinyGan.config(), TinyGan.gandata(), 5L);
        a.trainSteps(130);
        b.trainSteps(130);
        assertArrayEquals(TinyGan.state(a), TinyGan.state(b));
        GanTrainer c = GanTrainer.create(TinyGan.config(), TinyGan.gandata(), 6L);
        c.trainSteps(130);
        assertFalse(java.util.Arrays.equals(TinyGan.state(a), TinyGan.state(c)), "another seed, another run");
    }

    @Test
    void resumeFromCheckpointMidEpochIsBitIdentical(@TempDir Path dir) throws Exception {
        GanData data = TinyGan.gandata();
        GanTrainer straight = GanTrainer.create(TinyGan.config(), data, 9L);
        straight.trainSteps(70); // 20 iterations per epoch: ends in epoch 4, mid-epoch
        GanTrainer first = GanTrainer.create(TinyGan.config(), data, 9L);
        first.trainSteps(33);
        first.save(dir.resolve("half.ckpt"));
        GanTrainer resumed = GanTrainer.load(dir.resolve("half.ckpt"), TinyGan.gandata());
        assertEquals(33, resumed.step());
        assertEquals(2, resumed.epoch());
        assertEquals(13, resumed.iterationInEpoch());
        resumed.trainSteps(37);
        assertArrayEquals(TinyGan.state(straight), TinyGan.state(resumed));
        assertEquals(straight.epoch(), resumed.epoch());
    }
}
