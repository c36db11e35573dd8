using System;
using InterfaceFirmware.Emulator;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Emulator
{
    [TestClass]
    public class EspCodecClockTests
    {
        [TestMethod]
        public static void StartDrivesTheClocksAndSelectsThem()
        {
            var clock = new VirtualClock();
            var select = new VirtualDigitalOutput(clock, 12, false);
            var codecClock = new EspCodecClock(select);
            Assert.IsFalse(codecClock.Running);
            Assert.AreEqual(0, codecClock.SampleRate);

            Assert.IsTrue(codecClock.Start(48000, 256));
            Assert.IsTrue(codecClock.Running);
            Assert.AreEqual(48000, codecClock.SampleRate);
            Assert.AreEqual(256, codecClock.MclkPerFs);
            Assert.IsTrue(Math.Abs(codecClock.MclkHz - 12288000.0) < 0.5);
            Assert.IsTrue(Math.Abs(codecClock.LrclkHz - 48000.0) < 1e-9);
            Assert.IsTrue(select.Level, "codec clocks come from the ESP32");
            Assert.AreEqual(1, codecClock.StateChanges);

            Assert.IsTrue(codecClock.Start(44100, 256));
            Assert.IsTrue(Math.Abs(codecClock.MclkHz - 11289600.0) < 0.5);
            Assert.AreEqual(2, codecClock.StateChanges);
            Assert.AreEqual(1, select.TransitionCount);

            codecClock.Stop();
            Assert.IsFalse(codecClock.Running);
            Assert.AreEqual(0, codecClock.SampleRate);
            Assert.AreEqual(0, codecClock.MclkPerFs);
            Assert.IsTrue(codecClock.MclkHz == 0);
            Assert.IsTrue(codecClock.LrclkHz == 0);
            Assert.IsFalse(select.Level, "codec clocks back to the USB bridge");
            Assert.AreEqual(3, codecClock.StateChanges);
        }

        [TestMethod]
        public static void EveryUsbRateIsSupportedAt256Fs()
        {
            var codecClock = new EspCodecClock(null);
            int[] rates = new int[] { 8000, 11025, 16000, 22050, 32000, 44100, 48000 };
            for (int i = 0; i < rates.Length; i++)
            {
                Assert.IsTrue(codecClock.Start(rates[i], 256));
                Assert.IsTrue(Math.Abs(codecClock.MclkHz - 256.0 * rates[i]) < 0.5);
            }

            codecClock.Stop();
            Assert.IsFalse(codecClock.Running);
        }

        [TestMethod]
        public static void UnsupportedClocksAreRefusedAndChangeNothing()
        {
            var clock = new VirtualClock();
            var select = new VirtualDigitalOutput(clock, 12, false);
            var codecClock = new EspCodecClock(select);

            Assert.IsFalse(codecClock.Start(96000, 256));
            Assert.IsFalse(codecClock.Start(48000, 384));
            Assert.IsFalse(codecClock.Running);
            Assert.IsFalse(select.Level);
            Assert.AreEqual(0, select.WriteCount);
            Assert.AreEqual(0, codecClock.StateChanges);

            Assert.IsTrue(codecClock.Start(32000, 256));
            Assert.IsFalse(codecClock.Start(44100, 512));
            Assert.AreEqual(32000, codecClock.SampleRate);
            Assert.AreEqual(256, codecClock.MclkPerFs);
            Assert.IsTrue(select.Level);
            Assert.AreEqual(1, codecClock.StateChanges);
        }
    }
}
