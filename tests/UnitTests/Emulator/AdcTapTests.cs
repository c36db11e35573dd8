using InterfaceFirmware.Emulator;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Emulator
{
    [TestClass]
    public class AdcTapTests
    {
        private const double Lsb = 1.0 / 8388607.0;

        [TestMethod]
        public static void FramesComeOutInterleavedOldestFirst()
        {
            var tap = new AdcTap(16);
            Assert.AreEqual(0, tap.SampleRate);
            tap.SetSampleRate(48000);
            Assert.AreEqual(48000, tap.SampleRate);

            tap.Push(new double[] { 1 * Lsb, 2 * Lsb, 3 * Lsb }, new double[] { -1 * Lsb, -2 * Lsb, -3 * Lsb }, 3);
            int[] frames = new int[10];
            Assert.AreEqual(2, tap.ReadFrames(frames, 1, 2));
            Assert.AreEqual(0, frames[0]);
            Assert.AreEqual(1, frames[1]);
            Assert.AreEqual(-1, frames[2]);
            Assert.AreEqual(2, frames[3]);
            Assert.AreEqual(-2, frames[4]);

            Assert.AreEqual(1, tap.ReadFrames(frames, 0, 5));
            Assert.AreEqual(3, frames[0]);
            Assert.AreEqual(-3, frames[1]);
            Assert.AreEqual(0, tap.ReadFrames(frames, 0, 5), "nothing new");
        }

        [TestMethod]
        public static void SamplesAreScaledRoundedAndClippedTo24Bits()
        {
            var tap = new AdcTap(4);
            tap.Push(new double[] { 1.0, 2.0, 0.25 }, new double[] { -1.0, -1.5, -0.25 }, 3);
            int[] frames = new int[6];
            Assert.AreEqual(3, tap.ReadFrames(frames, 0, 3));
            Assert.AreEqual(8388607, frames[0]);
            Assert.AreEqual(-8388607, frames[1]);
            Assert.AreEqual(8388607, frames[2]);
            Assert.AreEqual(-8388607, frames[3]);
            Assert.AreEqual(2097152, frames[4]);
            Assert.AreEqual(-2097152, frames[5]);
        }

        [TestMethod]
        public static void OverflowDropsTheOldestUnreadFrames()
        {
            var tap = new AdcTap(4);
            double[] left = new double[6];
            double[] right = new double[6];
            for (int i = 0; i < 6; i++)
            {
                left[i] = (i + 1) * Lsb;
                right[i] = (i + 101) * Lsb;
            }

            tap.Push(left, right, 6);
            Assert.AreEqual(2, tap.Overruns);
            Assert.AreEqual(4, tap.AvailableFrames);

            int[] frames = new int[8];
            Assert.AreEqual(4, tap.ReadFrames(frames, 0, 4));
            for (int i = 0; i < 4; i++)
            {
                Assert.AreEqual(i + 3, frames[2 * i]);
                Assert.AreEqual(i + 103, frames[2 * i + 1]);
            }

            // wrap-around without overflow
            tap.Push(left, right, 3);
            Assert.AreEqual(2, tap.ReadFrames(frames, 0, 2));
            tap.Push(left, right, 3);
            Assert.AreEqual(2, tap.Overruns);
            Assert.AreEqual(4, tap.ReadFrames(frames, 0, 4));
            Assert.AreEqual(3, frames[0]);
            Assert.AreEqual(1, frames[2]);
            Assert.AreEqual(2, frames[4]);
            Assert.AreEqual(3, frames[6]);
            Assert.AreEqual(103, frames[7]);
        }
    }
}
