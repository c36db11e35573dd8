using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Es8388;
using InterfaceFirmware.Drivers.Tpa6130a2;
using InterfaceFirmware.Drivers.Wm8960;
using InterfaceFirmware.Emulator;
using nanoFramework.TestFramework;
using static InterfaceFirmware.UnitTests.Drivers.DriverTestHelpers;

namespace InterfaceFirmware.UnitTests.Drivers
{
    /// <summary>
    /// Taking charge of chips in any state (issue 10): a chip left live and playing by one driver
    /// instance (an earlier run of the firmware) is taken over by a fresh instance without a pop
    /// at any output and without the level rising; a chip at reset starts as before.
    /// </summary>
    [TestClass]
    public class TakeOverTests
    {
        [TestMethod]
        public static void ALivePlayingWm8960AndItsAmplifierAreTakenOverWithoutAPop()
        {
            ReferenceDriverRig rig = PlayingThroughTheAmplifier(-6);
            double before = rig.LevelDb(rig.Board.MainJack, true, 50);
            double beforeCodec = rig.LevelDb(rig.Board.CodecOutput(0), true, 50);
            long since = rig.Board.Clock.NowUs;
            int mark = rig.LogMark;

            // The ESP32 restarted: fresh drivers, the chips still live. The codec first; the
            // amplifier once its source is silent (as the firmware does).
            var codec = new Wm8960Codec(rig.Board.Bus, rig.Board.Description.CodecAddress, rig.Board.Log);
            var amplifier = new Tpa6130a2Amplifier(rig.Board.Bus, rig.Board.Description.AmplifierAddress, rig.Board.AmplifierShutdown, rig.Board.Log);
            Assert.AreEqual((int)DriverStatus.Ok, (int)codec.TakeCharge(rig.Now));
            double loudest = -200;
            double loudestCodec = -200;
            int ms = 0;
            while (codec.Busy)
            {
                Tick(rig, codec, amplifier, 10);
                ms += 10;
                Assert.IsTrue(ms < 3000, "still taking charge");
                loudest = System.Math.Max(loudest, rig.LevelDb(rig.Board.MainJack, true, 10));
                loudestCodec = System.Math.Max(loudestCodec, rig.LevelDb(rig.Board.CodecOutput(0), true, 10));
            }

            int codecWrites = rig.CodecWritesSince(mark);
            int amplifierMark = rig.LogMark;
            Assert.AreEqual((int)DriverStatus.Ok, (int)amplifier.TakeCharge(rig.Now));
            Assert.IsTrue(rig.AmplifierWritesSince(amplifierMark) > 0, "found enabled: it shuts down (mute first)");
            while (amplifier.Busy)
            {
                Tick(rig, codec, amplifier, 10);
            }

            Tick(rig, codec, amplifier, 500);
            OutputHelper.WriteLine("taken over in " + ms.ToString() + " ms, " + codecWrites.ToString() + " codec writes, "
                + rig.AmplifierWritesSince(mark).ToString() + " amplifier writes; main " + before.ToString("F2") + " dBFS, loudest "
                + loudest.ToString("F2") + "; codec-a " + beforeCodec.ToString("F2") + ", loudest " + loudestCodec.ToString("F2"));
            Assert.AreEqual(0, rig.Pops(string.Empty, since), rig.Board.DescribePops());
            Assert.IsTrue(loudest <= before + 0.1 && loudestCodec <= beforeCodec + 0.1, "louder during the take-over");
            Assert.IsTrue(rig.LevelDb(rig.Board.MainJack, true, 50) < -100, "silent once taken over");

            // Where a cold start's Standby is: VMID at 2×250 kΩ with VREF, drivers off, headphone volume at mute.
            Assert.AreEqual((int)CodecPowerState.Standby, (int)codec.PowerState);
            Assert.AreEqual(2, rig.Board.Wm8960.VmidSelect);
            Assert.IsTrue(rig.Board.Wm8960.VrefEnabled);
            Assert.IsFalse(rig.Board.Wm8960.HeadphoneDriverEnabled(true));
            Assert.AreEqual(0, rig.Board.Wm8960.AppliedHeadphoneCode(true));
            Assert.IsFalse(rig.Board.Amplifier.OutputActive(true));
            Assert.IsFalse(rig.Board.AmplifierShutdown.Level);

            // The new drivers bring it back to where it was, without a pop.
            Assert.AreEqual((int)DriverStatus.Ok, (int)codec.ConfigureClocks(48000, 12288000));
            codec.SetHeadphoneVolume(StereoGain.Both(0));
            codec.RequestPowerState(CodecPowerState.On, rig.Now);
            while (codec.Busy)
            {
                Tick(rig, codec, amplifier, 10);
            }

            amplifier.SetVolume(0);
            amplifier.SetEnabled(true, rig.Now);
            while (amplifier.Busy)
            {
                Tick(rig, codec, amplifier, 10);
            }

            codec.SetMuted(false, rig.Now);
            Tick(rig, codec, amplifier, 500);
            AssertLevel(before, rig.LevelDb(rig.Board.MainJack, true, 50), 0.1);
            Assert.AreEqual(0, rig.Pops(string.Empty, since), rig.Board.DescribePops());
        }

        /// <summary>
        /// Blind, the headphone volume can only go to mute in one zero-cross-latched step (any
        /// other code might be a step up): the cut lands at a zero crossing, a slope break of
        /// 2π·f/fs of the monitor's peak at the output, under the click threshold while the
        /// monitor there is below about −28 dBFS at 1 kHz (at −20 dBFS it is heard: −37.7 dBFS).
        /// </summary>
        [TestMethod]
        public static void AWm8960MonitoringLiveIsTakenOverWithoutAPop()
        {
            ReferenceDriverRig rig = Wm8960PowerTests.MonitorRig(-30);
            rig.PlaySine(-10);
            rig.StartRecording();
            rig.PowerUp();
            rig.Run(300);
            double before = rig.LevelDb(rig.Board.CodecOutput(0), true, 50);
            long since = rig.Board.Clock.NowUs;

            var codec = new Wm8960Codec(rig.Board.Bus, rig.Board.Description.CodecAddress, rig.Board.Log);
            Assert.AreEqual((int)DriverStatus.Ok, (int)codec.TakeCharge(rig.Now));
            double loudest = -200;
            while (codec.Busy)
            {
                Tick(rig, codec, rig.Amplifier, 10);
                loudest = System.Math.Max(loudest, rig.LevelDb(rig.Board.CodecOutput(0), true, 10));
            }

            Tick(rig, codec, rig.Amplifier, 500);
            OutputHelper.WriteLine("playback and monitor: " + before.ToString("F2") + " dBFS, loudest " + loudest.ToString("F2") + "; " + rig.Board.DescribePops());
            Assert.AreEqual(0, rig.Pops(string.Empty, since), rig.Board.DescribePops());
            Assert.IsTrue(loudest <= before + 0.1, "louder during the take-over");
            Assert.IsTrue(rig.LevelDb(rig.Board.CodecOutput(0), true, 50) < -100, "monitor and playback silent");
            Assert.AreEqual(0, rig.Board.Wm8960.Register(Wm8960Registers.LeftBypass) & Wm8960Registers.BypassEnable);
        }

        [TestMethod]
        public static void AWm8960AtResetIsTakenOverIntoTheStandbyAColdStartReaches()
        {
            var cold = new ReferenceDriverRig();
            cold.StartRecording();
            cold.Codec.RequestPowerState(CodecPowerState.Standby, cold.Now);
            int coldMs = cold.RunUntilIdle(5000);
            int coldWrites = cold.CodecWritesSince(0);

            var taken = new ReferenceDriverRig(true);
            taken.StartRecording();
            int takenMs = taken.RunUntilIdle(5000);
            int takenWrites = taken.CodecWritesSince(0);
            OutputHelper.WriteLine("to standby from reset: start " + coldWrites.ToString() + " writes, " + coldMs.ToString() + " ms; take-over "
                + takenWrites.ToString() + " writes, " + takenMs.ToString() + " ms");

            Assert.AreEqual((int)CodecPowerState.Standby, (int)taken.Codec.PowerState);
            int[] managed = Wm8960Registers.Managed();
            for (int i = 0; i < managed.Length; i++)
            {
                int register = managed[i];
                int vu = ReferenceDriverRig.Vu(register);
                Assert.AreEqual(cold.Board.Wm8960.Register(register) & ~vu, taken.Board.Wm8960.Register(register) & ~vu, "R" + register.ToString());
                Assert.AreEqual(cold.Codec.CachedRegister(register) & ~vu, taken.Codec.CachedRegister(register) & ~vu, "cache R" + register.ToString());
            }

            Assert.AreEqual(0, taken.Board.PopEvents.Count, taken.Board.DescribePops());
            Assert.AreEqual(0, cold.Board.PopEvents.Count, cold.Board.DescribePops());
        }

        [TestMethod]
        public static void ALivePlayingEs8388IsTakenOverWithoutAPop()
        {
            var rig = new AudioKitDriverRig();
            rig.PlaySine(-6);
            rig.StartRecording();
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.Codec.SetMuted(false, rig.Now);
            rig.PowerUp();
            rig.Run(500);
            double before = rig.LevelDb(true, 50);
            long since = rig.Board.Clock.NowUs;
            int mark = rig.LogMark;

            var codec = new Es8388Codec(rig.Board.Bus, rig.Board.Description.CodecAddress, rig.Board.Log);
            Assert.AreEqual((int)DriverStatus.Ok, (int)codec.TakeCharge(rig.Now));
            Assert.AreEqual((int)CodecPowerState.On, (int)codec.PowerState, "found live");
            double loudest = -200;
            int ms = 0;
            while (codec.Busy)
            {
                codec.Tick(rig.Now);
                rig.Board.Clock.AdvanceMs(10);
                ms += 10;
                Assert.IsTrue(ms < 3000, "still taking charge");
                loudest = System.Math.Max(loudest, rig.LevelDb(true, 10));
            }

            OutputHelper.WriteLine("taken over in " + ms.ToString() + " ms, " + rig.CodecWritesSince(mark).ToString() + " writes; "
                + before.ToString("F2") + " dBFS, loudest " + loudest.ToString("F2"));
            Assert.AreEqual(0, rig.Pops(since), rig.DescribePops());
            Assert.IsTrue(loudest <= before + 0.1, "louder during the take-over");
            Assert.AreEqual((int)CodecPowerState.Standby, (int)codec.PowerState);
            Assert.IsFalse(rig.Board.Es8388.Out1Enabled(true));
            Assert.AreEqual(Es8388Registers.Vmid500k, rig.Board.Es8388.VmidSelect);

            // The defaults are back in place: a cold start's cache from here on.
            var cold = new AudioKitDriverRig();
            cold.Codec.RequestPowerState(CodecPowerState.Standby, cold.Now);
            cold.RunUntilIdle(5000);
            for (int register = 0; register <= Es8388Registers.DacControl30; register++)
            {
                Assert.AreEqual(cold.Codec.CachedRegister(register), codec.CachedRegister(register), "cache 0x" + register.ToString("X2"));
                Assert.AreEqual(cold.Board.Es8388.Register(register), rig.Board.Es8388.Register(register), "chip 0x" + register.ToString("X2"));
            }
        }

        [TestMethod]
        public static void AnEs8388AtResetIsTakenOverWithExactlyTheWritesOfAColdStart()
        {
            var cold = new AudioKitDriverRig(100);
            cold.Codec.RequestPowerState(CodecPowerState.Standby, cold.Now);
            cold.RunUntilIdle(5000);
            int[] coldWrites = cold.CodecWritesSinceMark(0);

            var taken = new AudioKitDriverRig(100, true);
            taken.RunUntilIdle(5000);
            int[] takenWrites = taken.CodecWritesSinceMark(0);

            Assert.AreEqual((int)CodecPowerState.Standby, (int)taken.Codec.PowerState);
            Assert.AreEqual(coldWrites.Length, takenWrites.Length, "writes");
            for (int i = 0; i < coldWrites.Length; i++)
            {
                Assert.AreEqual(coldWrites[i], takenWrites[i], "write " + i.ToString());
            }

            Assert.AreEqual(0, taken.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void AnAmplifierAtResetIsTakenOverAsStartTakesIt()
        {
            var rig = new ReferenceDriverRig(true);
            Assert.IsFalse(rig.Amplifier.Busy);
            Assert.IsFalse(rig.Board.AmplifierShutdown.Level);
            Assert.AreEqual(0, rig.AmplifierWritesSince(0));
        }

        private static ReferenceDriverRig PlayingThroughTheAmplifier(double dbfs)
        {
            var rig = new ReferenceDriverRig();
            rig.PlaySine(dbfs);
            rig.StartRecording();
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.PowerUp();
            rig.Amplifier.SetVolume(0);
            rig.Amplifier.SetEnabled(true, rig.Now);
            rig.RunUntilIdle(1000);
            rig.Codec.SetMuted(false, rig.Now);
            rig.RunUntilIdle(1000);
            rig.Run(300);
            return rig;
        }

        // Ticks the fresh drivers (the rig's own are the earlier run's: no longer ticked).
        private static void Tick(ReferenceDriverRig rig, IAudioCodec codec, Tpa6130a2Amplifier amplifier, int ms)
        {
            for (int elapsed = 0; elapsed < ms; elapsed += TickMs)
            {
                codec.Tick(rig.Now);
                amplifier.Tick(rig.Now);
                rig.Board.RunMs(TickMs);
            }
        }
    }
}
