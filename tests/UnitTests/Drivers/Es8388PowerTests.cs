using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Es8388;
using InterfaceFirmware.Emulator;
using nanoFramework.TestFramework;
using static InterfaceFirmware.UnitTests.Drivers.DriverTestHelpers;

namespace InterfaceFirmware.UnitTests.Drivers
{
    /// <summary>
    /// The ES8388 driver's power sequences against the Audio Kit's "main" jack and its pop
    /// detectors, with playback and with the analogue monitor carrying a signal; the same sequences
    /// reordered, to show the detectors would catch a wrong order; and the figures (times, writes).
    /// Monitor signals are 1 kHz sines whose peak falls on the millisecond grid the driver writes on
    /// (phase π/2), the worst case for a gain step, or at an arbitrary phase; a sine at phase 0
    /// would put every write on a zero crossing and hide a step.
    /// </summary>
    [TestClass]
    public class Es8388PowerTests
    {
        private const double AtPeak = System.Math.PI / 2;
        private const double Arbitrary = 0.7;

        [TestMethod]
        public static void PowerUpPlayAndPowerDownMakeNoPop()
        {
            var rig = new AudioKitDriverRig();
            rig.PlaySine(-10);
            rig.StartRecording();
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            int mark = rig.LogMark;
            int upMs = rig.PowerUp();
            int upWrites = rig.CodecWritesSince(mark);
            rig.Codec.SetMuted(false, rig.Now);
            rig.Run(400);
            Assert.IsTrue(rig.Codec.MuteSettled(rig.Now));
            AssertLevel(-10, rig.LevelDb(true, 100), 0.1);
            AssertLevel(-10, rig.LevelDb(false, 100), 0.1);

            rig.Codec.SetMuted(true, rig.Now);
            rig.Run(300);
            Assert.IsTrue(rig.LevelDb(true, 50) < -100, "soft mute silences playback");
            mark = rig.LogMark;
            int downMs = rig.PowerDown();
            int downWrites = rig.CodecWritesSince(mark);
            rig.Run(1000);
            OutputHelper.WriteLine("Off → On " + upMs.ToString() + " ms, " + upWrites.ToString() + " writes (clocks included); On → Off "
                + downMs.ToString() + " ms, " + downWrites.ToString() + " writes");

            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.DescribePops());
            Assert.IsTrue(upMs >= Es8388Sequences.VmidSettleMs && upMs < Es8388Sequences.VmidSettleMs + 100);
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void PowerDownWhilePlayingUnmutedMutesFirstWithoutAPop()
        {
            var rig = new AudioKitDriverRig();
            rig.PlaySine(-6);
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.Codec.SetMuted(false, rig.Now); // wished before power-up: applied last in the sequence
            rig.PowerUp();
            rig.Run(300);
            Assert.AreEqual(0, rig.Board.Es8388.Register(Es8388Registers.DacControl3) & Es8388Registers.Mute);

            rig.StartRecording();
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.RequestPowerState(CodecPowerState.Off, rig.Now));
            int ms = rig.RunUntilIdle(5000); // no explicit mute: the sequence soft-mutes first
            OutputHelper.WriteLine("On → Off from live playback: " + ms.ToString() + " ms");
            rig.Run(1000);

            Assert.IsTrue(ms >= 129, "the DAC's soft-mute ramp (193 × 32 LRCK at 48 kHz) runs before the outputs go");
            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.DescribePops());
            Assert.IsFalse(rig.Codec.Muted, "the caller's wish survives the power cycle");
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void MonitorPathPowersUpAndDownWithoutAPop()
        {
            // −32 dBFS at the jack: every 1.5 dB step of the OUT1 ramp stays under the click threshold at any phase.
            double[] phases = { AtPeak, Arbitrary, 0 };
            for (int i = 0; i < phases.Length; i++)
            {
                AudioKitDriverRig rig = MonitorRig(-32, phases[i]);
                rig.StartRecording();
                int upMs = rig.PowerUp();
                rig.Run(200);
                AssertLevel(-32, rig.LevelDb(true, 100), 0.2);
                AssertLevel(-32, rig.LevelDb(false, 100), 0.2);

                int downMs = rig.PowerDown();
                rig.Run(1000);
                OutputHelper.WriteLine("monitor at −32 dBFS, phase " + phases[i].ToString("F2") + ": Off → On " + upMs.ToString()
                    + " ms, On → Off " + downMs.ToString() + " ms");

                Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.DescribePops());
                Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
            }
        }

        [TestMethod]
        public static void PlaybackAndMonitorTogetherPowerUpAndDownWithoutAPop()
        {
            AudioKitDriverRig rig = MonitorRig(-40, Arbitrary);
            rig.PlaySine(-12);
            rig.Codec.SetMuted(false, rig.Now);
            rig.StartRecording();
            rig.PowerUp();
            rig.Run(300);
            // the two 1 kHz sines add: −12 dBFS at phase 0 and −40 dBFS at phase 0.7
            double expected = Decibels.ToDb(System.Math.Sqrt(Sq(Decibels.ToLinear(-12) + Decibels.ToLinear(-40) * System.Math.Cos(Arbitrary))
                + Sq(Decibels.ToLinear(-40) * System.Math.Sin(Arbitrary))));
            AssertLevel(expected, rig.LevelDb(true, 100), 0.1);

            rig.PowerDown();
            rig.Run(1000);
            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.DescribePops());
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void ALoudMonitorRampsUpCleanlyAndClicksAtMostOnceOnTheWayDown()
        {
            // The chip's limit, measured: OUT1 moves in 1.5 dB steps applied at once. Going up, each
            // step follows a smaller one within 10 ms, which keeps it under the detector's ratio test;
            // going down, the first step (up to 0.16 × the peak) has nothing before it.
            double[] levels = { -20, -10 };
            for (int i = 0; i < levels.Length; i++)
            {
                AudioKitDriverRig rig = MonitorRig(levels[i], AtPeak);
                rig.StartRecording();
                rig.PowerUp();
                rig.Run(200);
                Assert.AreEqual(0, rig.Board.PopEvents.Count, "the ramp up is clean at " + levels[i].ToString() + " dBFS: " + rig.DescribePops());
                AssertLevel(levels[i], rig.LevelDb(true, 100), 0.2);

                rig.PowerDown();
                rig.Run(1000);
                // the step itself plus what the sine's own curvature adds to the detector's prediction error
                double peak = Decibels.ToLinear(levels[i]);
                double omega = 2 * System.Math.PI * 1000 / AudioEngine.SampleRate;
                double firstStep = peak * (1 - Decibels.ToLinear(-1.5) + omega * omega);
                double largest = 0;
                foreach (PopEvent e in rig.Board.PopEvents)
                {
                    Assert.IsTrue(e.Kind == PopKind.Click, e.ToString());
                    largest = e.Size > largest ? e.Size : largest;
                }

                OutputHelper.WriteLine("monitor at " + levels[i].ToString() + " dBFS (peak on the write grid): power-down events "
                    + rig.Board.PopEvents.Count.ToString() + ", largest " + Decibels.ToDb(largest).ToString("F1") + " dBFS; first OUT1 step "
                    + Decibels.ToDb(firstStep).ToString("F1") + " dBFS\n" + rig.DescribePops());
                Assert.IsTrue(rig.Board.PopEvents.Count <= 2, "one click per channel at most: " + rig.DescribePops());
                Assert.IsTrue(largest <= firstStep * 1.02, "no larger than the first 1.5 dB step");
                Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
            }
        }

        [TestMethod]
        public static void StandbyToOnIsQuickOnceTheBiasIsUp()
        {
            var rig = new AudioKitDriverRig();
            rig.Codec.ConfigureClocks(48000, 12288000);
            rig.Codec.RequestPowerState(CodecPowerState.Standby, rig.Now);
            int biasMs = rig.RunUntilIdle(5000);
            int mark = rig.LogMark;
            rig.Codec.RequestPowerState(CodecPowerState.On, rig.Now);
            int onMs = rig.RunUntilIdle(5000);
            int onWrites = rig.CodecWritesSince(mark);
            rig.Codec.RequestPowerState(CodecPowerState.Standby, rig.Now);
            rig.RunUntilIdle(5000);

            // with a monitor path open, OUT1 steps up from −45 dB to 0 dB: 30 codes, one per tick
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.Codec.SetMonitor(MonitorGains.Straight(0));
            mark = rig.LogMark;
            rig.Codec.RequestPowerState(CodecPowerState.On, rig.Now);
            int monitorOnMs = rig.RunUntilIdle(5000);
            int monitorOnWrites = rig.CodecWritesSince(mark);
            OutputHelper.WriteLine("Off → Standby " + biasMs.ToString() + " ms, Standby → On " + onMs.ToString() + " ms (" + onWrites.ToString()
                + " writes), with a monitor open " + monitorOnMs.ToString() + " ms (" + monitorOnWrites.ToString() + " writes)");

            Assert.IsTrue(biasMs >= Es8388Sequences.VmidSettleMs && biasMs < Es8388Sequences.VmidSettleMs + 100);
            Assert.IsTrue(onMs <= 50, "from standby the outputs are up within 50 ms");
            Assert.IsTrue(monitorOnMs <= 250, "the monitor ramp takes 30 ticks");
            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.DescribePops());
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void TheSequencesRunByHandAreAsQuietAsTheDriver()
        {
            // The control for the reordering tests below: running a sequence by hand makes no noise.
            AudioKitDriverRig rig = MonitorRig(-32, AtPeak);
            rig.Codec.ConfigureClocks(48000, 12288000);
            rig.RunUntilIdle(1000);
            RunSteps(rig.Codec, rig.Board.Clock, Es8388Sequences.OffToStandby);
            RunSteps(rig.Codec, rig.Board.Clock, Es8388Sequences.StandbyToOn);
            RunSteps(rig.Codec, rig.Board.Clock, Es8388Sequences.Unmute);
            rig.Run(300);
            RunSteps(rig.Codec, rig.Board.Clock, Es8388Sequences.OnToStandby);
            RunSteps(rig.Codec, rig.Board.Clock, Es8388Sequences.StandbyToOff);
            rig.Run(1000);

            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.DescribePops());
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void SkippingTheVmidSettleTimeClicks()
        {
            // The coupling capacitor has not followed VMID through the 1.5 kΩ tie when OUT1 switches on.
            var rig = new AudioKitDriverRig();
            rig.Codec.ConfigureClocks(48000, 12288000);
            rig.RunUntilIdle(1000);
            long start = rig.Board.Clock.NowUs;
            RunSteps(rig.Codec, rig.Board.Clock, SequenceEdits.Without(Es8388Sequences.OffToStandby, StepKind.Wait));
            RunSteps(rig.Codec, rig.Board.Clock, Es8388Sequences.StandbyToOn);
            rig.Run(1000);

            OutputHelper.WriteLine(rig.DescribePops());
            Assert.IsTrue(rig.Pops(start) > 0, "no pop detected: " + rig.DescribePops());
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void ChargingVmidFastThroughFiveKiloOhmsThumps()
        {
            // Linux's Off → Standby (VMIDSEL 5 kΩ): VMID is up in ~60 ms and the charging current
            // of the 220 µF headphone capacitors, through the 1.5 kΩ tie, rises at the jack within
            // 20 ms and drains over seconds. The driver charges through 50 kΩ instead.
            var rig = new AudioKitDriverRig();
            rig.Codec.ConfigureClocks(48000, 12288000);
            rig.RunUntilIdle(1000);
            long start = rig.Board.Clock.NowUs;
            var linux = new SequenceStep[Es8388Sequences.OffToStandby.Length];
            System.Array.Copy(Es8388Sequences.OffToStandby, linux, linux.Length);
            linux[1] = SequenceStep.Update(Es8388Registers.Control1, Es8388Registers.EnableReference | Es8388Registers.VmidMask,
                Es8388Registers.EnableReference | Es8388Registers.Vmid5k);
            RunSteps(rig.Codec, rig.Board.Clock, linux);

            OutputHelper.WriteLine(rig.Board.DescribePops());
            int thumps = 0;
            foreach (PopEvent e in rig.Board.PopEvents)
            {
                if (e.Kind == PopKind.Thump && e.TimeUs >= start && e.TimeUs < start + 50000)
                {
                    Assert.IsTrue(e.SizeDb > -38, "a thump of about −35 dBFS: " + e.ToString());
                    thumps++;
                }
            }

            Assert.AreEqual(2, thumps, "one thump on each channel within 50 ms: " + rig.Board.DescribePops());
        }

        [TestMethod]
        public static void EnablingTheOutputsAfterOpeningTheLevelClicks()
        {
            AudioKitDriverRig rig = MonitorRig(-32, AtPeak);
            rig.Codec.ConfigureClocks(48000, 12288000);
            rig.RunUntilIdle(1000);
            RunSteps(rig.Codec, rig.Board.Clock, Es8388Sequences.OffToStandby);
            long start = rig.Board.Clock.NowUs;

            // the un-mute opens the level onto drivers that are off; the monitor reaches the jack
            // at full level the moment they switch on
            SequenceStep[] up = SequenceEdits.MoveToEnd(Es8388Sequences.StandbyToOn, Es8388Registers.DacPower, Es8388Registers.Out1Enable);
            RunSteps(rig.Codec, rig.Board.Clock, SequenceEdits.Head(up, up.Length - 1));
            RunSteps(rig.Codec, rig.Board.Clock, Es8388Sequences.Unmute);
            RunSteps(rig.Codec, rig.Board.Clock, SequenceEdits.Tail(up, 1));
            rig.Run(300);

            OutputHelper.WriteLine(rig.DescribePops());
            Assert.IsTrue(rig.Pops(start) > 0, "no pop detected: " + rig.DescribePops());
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void SwitchingTheOutputsOffBeforeTheMuteClicks()
        {
            var rig = new AudioKitDriverRig();
            rig.PlaySine(-6);
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.Codec.SetMuted(false, rig.Now);
            rig.PowerUp();
            rig.Run(300);
            long start = rig.Board.Clock.NowUs;

            var reordered = new SequenceStep[Es8388Sequences.OnToStandby.Length + 1];
            reordered[0] = SequenceStep.Update(Es8388Registers.DacPower, Es8388Registers.Out1Enable, 0);
            System.Array.Copy(Es8388Sequences.OnToStandby, 0, reordered, 1, Es8388Sequences.OnToStandby.Length);
            RunSteps(rig.Codec, rig.Board.Clock, reordered);
            rig.Run(300);

            OutputHelper.WriteLine(rig.DescribePops());
            Assert.IsTrue(rig.Pops(start) > 0, "no pop detected: " + rig.DescribePops());
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void SwitchingVmidOffInOffClicksAtTheNextPowerUp()
        {
            // Why Off keeps VMID at 500 kΩ: with VMIDSEL = 00 the OUT1 pins float and the coupling
            // capacitors keep their charge while VMID collapses; the next power-up ties a charged
            // capacitor to a discharged VMID.
            var rig = new AudioKitDriverRig();
            rig.PowerUp();
            rig.PowerDown();
            RunSteps(rig.Codec, rig.Board.Clock, new[] { SequenceStep.Update(Es8388Registers.Control1, Es8388Registers.VmidMask, 0) });
            rig.Run(1000);
            Assert.AreEqual(0, rig.Board.PopEvents.Count, "going off is quiet: " + rig.DescribePops());
            long start = rig.Board.Clock.NowUs;

            RunSteps(rig.Codec, rig.Board.Clock, Es8388Sequences.OffToStandby);
            RunSteps(rig.Codec, rig.Board.Clock, Es8388Sequences.StandbyToOn);
            rig.Run(300);

            Assert.IsTrue(rig.Pops(start) > 0, "no pop detected: " + rig.DescribePops());
            OutputHelper.WriteLine(rig.DescribePops());
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        // ---- helpers ---------------------------------------------------------------------------

        /// <summary>A sine of <paramref name="dbfs"/> on both microphones (IN1), monitored straight at 0 dB, OUT1 at 0 dB.</summary>
        [TestMethod]
        public static void MutedTheMonitorIsSilentAndComesBackWithoutAPop()
        {
            // A near full-scale line input monitored at a listening level: −1 dBFS, bypass −15 dB,
            // OUT1 −16.5 dB (−32.5 dBFS at the jack, where each OUT1 step is click-free at any phase).
            var rig = new AudioKitDriverRig();
            rig.SetInput("mic-left", AudioKitDriverRig.Sine(-1, AtPeak));
            rig.SetInput("mic-right", AudioKitDriverRig.Sine(-1, AtPeak));
            rig.Codec.SetMonitor(MonitorGains.Straight(-1500));
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(-1650));
            rig.Codec.SetMuted(false, rig.Now);
            rig.StartRecording();
            rig.PowerUp();
            rig.Run(200);
            AssertLevel(-32.5, rig.LevelDb(true, 100), 0.2);
            long start = rig.Board.Clock.NowUs;

            rig.Codec.SetMuted(true, rig.Now);
            RunUntilMuteSettled(rig);
            rig.Run(100);
            double mutedLeft = rig.LevelDb(true, 50);
            double mutedRight = rig.LevelDb(false, 50);
            OutputHelper.WriteLine("muted monitor at the jack: " + mutedLeft.ToString("F1") + " / " + mutedRight.ToString("F1") + " dBFS");
            Assert.IsTrue(mutedLeft <= -100 && mutedRight <= -100, "muted means silent, monitor included");

            rig.Codec.SetMuted(false, rig.Now);
            RunUntilMuteSettled(rig);
            rig.Run(100);
            AssertLevel(-32.5, rig.LevelDb(true, 50), 0.2);
            AssertLevel(-32.5, rig.LevelDb(false, 50), 0.2);
            Assert.AreEqual(0, rig.Pops(start), rig.DescribePops());
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        private static void RunUntilMuteSettled(AudioKitDriverRig rig)
        {
            int ms = 0;
            while (!rig.Codec.MuteSettled(rig.Now))
            {
                Assert.IsTrue(ms < 1000, "the mute did not settle");
                rig.Run(TickMs);
                ms += TickMs;
            }
        }

        internal static AudioKitDriverRig MonitorRig(double dbfs, double phase)
        {
            var rig = new AudioKitDriverRig();
            rig.SetInput("mic-left", AudioKitDriverRig.Sine(dbfs, phase));
            rig.SetInput("mic-right", AudioKitDriverRig.Sine(dbfs, phase));
            rig.Codec.SetMonitor(MonitorGains.Straight(0));
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.Codec.SetMuted(false, rig.Now); // the outputs open once the codec is On
            return rig;
        }

        private static double Sq(double x)
        {
            return x * x;
        }

    }
}
