using System;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Hal
{
    /// <summary>
    /// The raw I2S ring behind the device's ADC tap: 32-bit little-endian slots become signed 24-bit
    /// samples (their top three bytes), blocks wrap around the ring, a full ring drops its oldest
    /// frames before a block overwrites them, and skipping drops without reading.
    /// </summary>
    [TestClass]
    public class AdcBlockRingTests
    {
        [TestMethod]
        public static void SlotsBecomeSigned24BitSamples()
        {
            var ring = new AdcBlockRing(8, 4);
            int at = ring.BeginBlock();
            int[] slots = { 0x7FFFFF00, unchecked((int)0x80000000), 0x00000100, unchecked((int)0xFFFFFF00), 0x123456FF, 0, -256, 0x00000000 };
            for (int i = 0; i < slots.Length; i++)
            {
                PutSlot(ring.Bytes, at + 4 * i, slots[i]);
            }

            ring.CommitBlock();
            Assert.AreEqual(4, ring.AvailableFrames);
            var frames = new int[8];
            Assert.AreEqual(4, ring.ReadFrames(frames, 0, 4));
            int[] expected = { 8388607, -8388608, 1, -1, 0x123456, 0, -1, 0 };
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], frames[i], "slot " + i.ToString());
            }

            Assert.AreEqual(0, ring.AvailableFrames);
        }

        [TestMethod]
        public static void BlocksWrapAndAFullRingDropsItsOldestFirst()
        {
            var ring = new AdcBlockRing(8, 4);
            int next = 1;
            for (int block = 0; block < 3; block++)
            {
                int at = ring.BeginBlock();
                for (int f = 0; f < 4; f++)
                {
                    PutSlot(ring.Bytes, at + 8 * f, next << 8);
                    PutSlot(ring.Bytes, at + 8 * f + 4, -next << 8);
                    next++;
                }

                ring.CommitBlock();
            }

            // 12 frames into 8: the first block was dropped when the third began
            Assert.AreEqual(8, ring.AvailableFrames);
            Assert.AreEqual(1, ring.SkipFrames(1));
            var frames = new int[20];
            Assert.AreEqual(7, ring.ReadFrames(frames, 2, 10));
            for (int f = 0; f < 7; f++)
            {
                Assert.AreEqual(6 + f, frames[2 + 2 * f], "left of frame " + f.ToString() + " (across the ring's end)");
                Assert.AreEqual(-(6 + f), frames[3 + 2 * f], "right");
            }

            Assert.AreEqual(0, ring.ReadFrames(frames, 0, 4), "nothing left");
        }

        [TestMethod]
        public static void AScanOfTheRawSlotsFindsWhatAScanOfTheSamplesFinds()
        {
            // stretches of 1…20 frames at every place in a ring of 32 that has wrapped (five blocks
            // of 8 written: the oldest 8 frames dropped, the rest across the ring's end), on random
            // samples, small ranges (ties) and one-sided signals, looked at with strides 1, 2, 5, 7:
            // the same peaks and neighbours
            var ring = new AdcBlockRing(32, 8);
            var expected = new StretchPeaks();
            var found = new StretchPeaks();
            var samples = new int[2 * 40];
            var random = new Random(12);
            int cases = 0;
            int[] strides = { 1, 2, 5, 7 };
            for (int kind = 0; kind < 4; kind++)
            {
                int stride = strides[kind];
                for (int length = 1; length <= 20; length++)
                {
                    for (int start = 0; start + length <= 32; start += 3)
                    {
                        ring.Clear();
                        for (int b = 0; b < 5; b++)
                        {
                            int at = ring.BeginBlock();
                            for (int i = 0; i < 16; i++)
                            {
                                int sample = kind == 0 ? random.Next(16777215) - 8388608 : kind == 1 ? random.Next(7) - 3 : kind == 2 ? random.Next(999) + 1 : -random.Next(999) - 1;
                                samples[16 * b + i] = sample;
                                PutSlot(ring.Bytes, at + 4 * i, sample << 8);
                            }

                            ring.CommitBlock();
                        }

                        ring.SkipFrames(start);
                        var stretch = new int[2 * length];
                        Array.Copy(samples, 2 * (8 + start), stretch, 0, 2 * length);
                        expected.Find(stretch, 0, length, stride);
                        Assert.AreEqual(length, ring.ScanFrames(length, stride, found));
                        for (int c = 0; c < 2; c++)
                        {
                            string where = "kind " + kind.ToString() + ", stride " + stride.ToString() + ", " + length.ToString() + " frames from " + start.ToString() + ", channel " + c.ToString();
                            Assert.AreEqual(expected.Peak[c], found.Peak[c], "peak, " + where);
                            Assert.AreEqual(expected.Before[c], found.Before[c], "before, " + where);
                            Assert.AreEqual(expected.After[c], found.After[c], "after, " + where);
                        }

                        Assert.AreEqual(32 - start - length, ring.AvailableFrames, "consumed");
                        cases++;
                    }
                }
            }

            Assert.IsTrue(cases > 400, cases.ToString() + " cases");
        }

        [TestMethod]
        public static void ARingThatIsNotWholeBlocksIsRefused()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new AdcBlockRing(100, 64));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new AdcBlockRing(128, 0));
        }

        private static void PutSlot(byte[] bytes, int at, int slot)
        {
            bytes[at] = (byte)slot;
            bytes[at + 1] = (byte)(slot >> 8);
            bytes[at + 2] = (byte)(slot >> 16);
            bytes[at + 3] = (byte)(slot >> 24);
        }
    }
}
