using System;
using InterfaceFirmware.Emulator;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Emulator
{
    [TestClass]
    public class UsbHostModelTests
    {
        [TestMethod]
        public static void AttachConfiguresExactlyAfterEnumerationMs()
        {
            var clock = new VirtualClock();
            var usb = new UsbHostModel(clock);
            Assert.AreEqual(400, usb.EnumerationMs);
            Assert.IsFalse(usb.VbusPresent);
            Assert.AreEqual(0, usb.ClockRate);

            clock.AdvanceMs(5);
            usb.Attach();
            Assert.IsTrue(usb.VbusPresent);
            Assert.IsFalse(usb.HostConfigured);
            Assert.IsFalse(usb.DrivesClocks);
            Assert.AreEqual(1, usb.StateChanges);

            clock.AdvanceUs(400000 - 1);
            Assert.IsFalse(usb.HostConfigured);

            clock.AdvanceUs(1);
            Assert.IsTrue(usb.HostConfigured);
            Assert.IsTrue(usb.DrivesClocks);
            Assert.AreEqual(0, usb.SampleRate);
            Assert.AreEqual(48000, usb.ClockRate);
            Assert.IsTrue(Math.Abs(usb.MclkHz - 12288000.0) < 0.5);
            Assert.AreEqual(2, usb.StateChanges);
        }

        [TestMethod]
        public static void EnumerationTimeIsAKnob()
        {
            var clock = new VirtualClock();
            var usb = new UsbHostModel(clock);
            usb.EnumerationMs = 1200;
            usb.Attach();
            clock.AdvanceMs(1199);
            Assert.IsFalse(usb.HostConfigured);
            clock.AdvanceMs(1);
            Assert.IsTrue(usb.HostConfigured);
        }

        [TestMethod]
        public static void PowerOnlyIsNeverConfigured()
        {
            var clock = new VirtualClock();
            var usb = new UsbHostModel(clock);
            usb.AttachPowerOnly();
            clock.AdvanceMs(10000);

            Assert.IsTrue(usb.VbusPresent);
            Assert.IsFalse(usb.HostConfigured);
            Assert.IsFalse(usb.DrivesClocks);
            Assert.AreEqual(0, usb.ClockRate);
            Assert.IsTrue(usb.MclkHz == 0);
            Assert.ThrowsException(typeof(InvalidOperationException), () => usb.StartCapture(48000));
        }

        [TestMethod]
        public static void DetachCancelsAPendingEnumeration()
        {
            var clock = new VirtualClock();
            var usb = new UsbHostModel(clock);
            usb.Attach();
            clock.AdvanceMs(200);
            usb.Detach();
            Assert.IsFalse(usb.VbusPresent);

            clock.AdvanceMs(1000);
            Assert.IsFalse(usb.HostConfigured);
            Assert.IsFalse(usb.VbusPresent);

            // re-plugged at 1200 ms: configured at 1600 ms, and only once
            usb.Attach();
            usb.Detach();
            usb.Attach();
            int changes = usb.StateChanges;
            clock.AdvanceMs(399);
            Assert.IsFalse(usb.HostConfigured);
            clock.AdvanceMs(1);
            Assert.IsTrue(usb.HostConfigured);
            Assert.AreEqual(changes + 1, usb.StateChanges);
        }

        [TestMethod]
        public static void DetachClearsEverythingAtOnce()
        {
            var clock = new VirtualClock();
            var usb = Configured(clock);
            var tone = new SineSource(1000, 0.5);
            usb.StartPlayback(44100, tone, tone);
            usb.StartCapture(44100);
            Assert.AreSame(tone, usb.PlaybackLeft);
            int changes = usb.StateChanges;

            usb.Detach();
            Assert.IsFalse(usb.VbusPresent);
            Assert.IsFalse(usb.HostConfigured);
            Assert.IsFalse(usb.PlaybackActive);
            Assert.IsFalse(usb.CaptureActive);
            Assert.AreEqual(0, usb.SampleRate);
            Assert.IsFalse(usb.DrivesClocks);
            Assert.AreEqual(0, usb.ClockRate);
            Assert.AreSame(SilenceSource.Instance, usb.PlaybackLeft);
            Assert.AreSame(SilenceSource.Instance, usb.PlaybackRight);
            Assert.AreEqual(changes + 1, usb.StateChanges);
        }

        [TestMethod]
        public static void StreamsNeedAConfiguredHost()
        {
            var clock = new VirtualClock();
            var usb = new UsbHostModel(clock);
            Assert.ThrowsException(typeof(InvalidOperationException), () => usb.StartPlayback(48000, null, null));
            Assert.ThrowsException(typeof(InvalidOperationException), () => usb.StartCapture(48000));
            Assert.ThrowsException(typeof(InvalidOperationException), () => usb.SetSampleRate(48000));

            usb.Attach();
            clock.AdvanceMs(100);
            Assert.ThrowsException(typeof(InvalidOperationException), () => usb.StartPlayback(48000, null, null));
            Assert.IsFalse(usb.PlaybackActive);

            clock.AdvanceMs(300);
            usb.StartPlayback(48000, null, null);
            Assert.IsTrue(usb.PlaybackActive);
            Assert.AreSame(SilenceSource.Instance, usb.PlaybackLeft);
        }

        [TestMethod]
        public static void OnlyUsbAudioRatesAreAccepted()
        {
            var clock = new VirtualClock();
            var usb = Configured(clock);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => usb.StartPlayback(96000, null, null));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => usb.StartCapture(44000));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => usb.SetSampleRate(0));
            Assert.IsFalse(usb.PlaybackActive);
            Assert.AreEqual(0, usb.SampleRate);

            int[] rates = new int[] { 8000, 11025, 16000, 22050, 32000, 44100, 48000 };
            for (int i = 0; i < rates.Length; i++)
            {
                usb.StartCapture(rates[i]);
                clock.AdvanceMs(usb.ClockNoticeMs);
                Assert.IsFalse(usb.ClockChangePending);
                Assert.AreEqual(rates[i], usb.SampleRate);
                Assert.AreEqual(rates[i], usb.ClockRate);
            }
        }

        [TestMethod]
        public static void ARateChangeIsAnnouncedAndAppliesAfterTheNotice()
        {
            var clock = new VirtualClock();
            var usb = Configured(clock);
            var left = new SineSource(440, 0.25);
            var right = new SineSource(880, 0.25);
            usb.StartPlayback(44100, left, right);
            usb.StartCapture(44100);
            clock.AdvanceMs(usb.ClockNoticeMs);
            Assert.AreEqual(44100, usb.ClockRate);
            Assert.IsTrue(Math.Abs(usb.MclkHz - 11289600.0) < 0.5);
            int changes = usb.StateChanges;

            usb.SetSampleRate(48000);
            Assert.IsTrue(usb.ClockChangePending);
            Assert.AreEqual(44100, usb.SampleRate, "the old clocks run through the notice");
            Assert.AreEqual(44100, usb.ClockRate);
            clock.AdvanceMs(usb.ClockNoticeMs - 1);
            Assert.AreEqual(44100, usb.ClockRate);
            clock.AdvanceMs(1);
            Assert.IsFalse(usb.ClockChangePending);
            Assert.AreEqual(48000, usb.SampleRate);
            Assert.AreEqual(48000, usb.ClockRate);
            Assert.IsTrue(Math.Abs(usb.MclkHz - 12288000.0) < 0.5);
            Assert.IsTrue(usb.PlaybackActive);
            Assert.IsTrue(usb.CaptureActive);
            Assert.AreSame(left, usb.PlaybackLeft);
            Assert.AreSame(right, usb.PlaybackRight);
            Assert.AreEqual(changes + 2, usb.StateChanges, "announced, then applied");

            usb.SetSampleRate(48000);
            Assert.AreEqual(changes + 2, usb.StateChanges, "same rate: nothing observable changed");
        }

        [TestMethod]
        public static void StoppingStreamsKeepsTheRateWhileConfigured()
        {
            var clock = new VirtualClock();
            var usb = Configured(clock);
            var tone = new SineSource(1000, 0.5);
            usb.StartPlayback(32000, tone, tone);
            clock.AdvanceMs(usb.ClockNoticeMs);
            usb.StopPlayback();

            Assert.IsFalse(usb.PlaybackActive);
            Assert.AreSame(SilenceSource.Instance, usb.PlaybackLeft);
            Assert.AreEqual(32000, usb.SampleRate);
            Assert.AreEqual(32000, usb.ClockRate);
            Assert.IsTrue(usb.DrivesClocks);

            usb.StartCapture(32000);
            int changes = usb.StateChanges;
            usb.StopCapture();
            Assert.IsFalse(usb.CaptureActive);
            Assert.AreEqual(changes + 1, usb.StateChanges);
        }

        private static UsbHostModel Configured(VirtualClock clock)
        {
            var usb = new UsbHostModel(clock);
            usb.Attach();
            clock.AdvanceMs(usb.EnumerationMs);
            Assert.IsTrue(usb.HostConfigured);
            return usb;
        }
    }
}
