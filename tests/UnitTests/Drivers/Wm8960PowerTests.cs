using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Wm8960;
using InterfaceFirmware.Emulator;
using nanoFramework.TestFramework;
using static InterfaceFirmware.UnitTests.Drivers.DriverTestHelpers;

namespace InterfaceFirmware.UnitTests.Drivers
{
    /// <summary>
    /// The WM8960 driver's power sequences against the reference board's pop detectors (the
    /// probe on codec A's output, "codec-a"), with playback and with the analogue monitor carrying a signal;
    /// and the same sequences reordered, to show the detectors would catch a wrong order.
    /// </summary>
    [TestClass]
    public class Wm8960PowerTests
    {
        [TestMethod]
        public static void PowerUpPlayAndPowerDownMakeNoPop()
        {
            var rig = new ReferenceDriverRig();
            rig.PlaySine(-10);
            rig.StartRecording();
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.PowerUp();
            rig.Codec.SetMuted(false, rig.Now);
            rig.Run(400);
            Assert.IsTrue(rig.Codec.MuteSettled(rig.Now));
            AssertLevel(-10, rig.LevelDb(rig.Board.CodecOutput(0), true, 100), 0.1);
            AssertLevel(-10, rig.LevelDb(rig.Board.CodecOutput(0), false, 100), 0.1);

            rig.Codec.SetMuted(true, rig.Now);
            rig.Run(300);
            Assert.IsTrue(rig.LevelDb(rig.Board.CodecOutput(0), true, 50) < -100, "soft mute silences playback");
            rig.PowerDown();
            rig.Run(1000);

            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.Board.DescribePops());
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void PowerDownWhilePlayingUnmutedMutesFirstWithoutAPop()
        {
            var rig = new ReferenceDriverRig();
            rig.PlaySine(-6);
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.Codec.SetMuted(false, rig.Now); // wished before power-up: applied last in the sequence
            rig.PowerUp();
            rig.Run(300);
            Assert.IsFalse(rig.Board.Wm8960.DacSoftMuted);

            rig.PowerDown(); // no explicit mute: the sequence soft-mutes first
            rig.Run(1000);

            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.Board.DescribePops());
            Assert.IsTrue(rig.Codec.Muted == false, "the caller's wish survives the power cycle");
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void MonitorPathPowersUpAndDownWithoutAPop()
        {
            var rig = MonitorRig(-20);
            rig.StartRecording();
            rig.PowerUp();
            rig.Run(200);
            AssertLevel(-20, rig.LevelDb(rig.Board.CodecOutput(0), true, 100), 0.2);
            AssertLevel(-20, rig.LevelDb(rig.Board.CodecOutput(0), false, 100), 0.2);

            rig.PowerDown();
            rig.Run(1000);

            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.Board.DescribePops());
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void MutingWhileMonitoringStepsTheMonitorDownWithoutAClick()
        {
            ReferenceDriverRig rig = MonitorRig(-20);
            rig.PlaySine(-10);
            rig.StartRecording();
            rig.PowerUp();
            rig.Run(300);
            long start = rig.Board.Clock.NowUs;

            rig.Codec.SetMuted(true, rig.Now);
            Assert.IsFalse(rig.Codec.MuteSettled(rig.Now));
            int ms = 0;
            while (!rig.Codec.MuteSettled(rig.Now))
            {
                rig.Run(TickMs);
                ms += TickMs;
                Assert.IsTrue(ms < 1000);
            }

            OutputHelper.WriteLine("muted (monitor and playback) in " + ms.ToString() + " ms");
            rig.Run(100);
            Assert.IsTrue(rig.LevelDb(rig.Board.CodecOutput(0), true, 40) < -120, "monitor and playback both silent");

            rig.Codec.SetMuted(false, rig.Now);
            rig.Run(400);
            Assert.IsTrue(rig.Codec.MuteSettled(rig.Now));
            // Both back, and summed: the input enters the PGA's non-inverting input (LINPUT2), so
            // the analogue monitor of the same tone is in phase with playback: 0.316 + 0.100 = 0.416
            // (−7.6 dB). Through LINPUT1 (the inverting input) they cancelled to −13.3 dB.
            AssertLevel(-7.62, rig.LevelDb(rig.Board.CodecOutput(0), true, 40), 0.1);
            Assert.AreEqual(0, rig.Pops("codec-a", start), rig.Board.DescribePops());
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void MutingPlaybackCostsThreeWritesEachWay()
        {
            var rig = new ReferenceDriverRig();
            rig.PlaySine(-10);
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(-1000));
            rig.Codec.SetMuted(false, rig.Now);
            rig.PowerUp();
            rig.Run(300);

            int mark = rig.LogMark;
            rig.Codec.SetMuted(true, rig.Now);
            rig.RunUntilIdle(1000);
            Assert.AreEqual(3, rig.CodecWritesSince(mark), "soft mute, then the headphone pair to mute once the ramp ran");

            mark = rig.LogMark;
            rig.Codec.SetMuted(false, rig.Now);
            rig.RunUntilIdle(1000);
            Assert.AreEqual(3, rig.CodecWritesSince(mark), "the headphone pair back, then the soft un-mute");
            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.Board.DescribePops());
        }

        [TestMethod]
        public static void GoingDownWhileOpeningUpStopsOpening()
        {
            ReferenceDriverRig rig = MonitorRig(-20);
            rig.Codec.SetMuted(true, rig.Now);
            rig.PowerUp();
            rig.Codec.SetMuted(false, rig.Now);
            rig.Run(TickMs);
            int opened = rig.Codec.CachedRegister(Wm8960Registers.LeftHeadphoneVolume) & 0x7F;
            int mark = rig.LogMark;
            rig.Codec.RequestPowerState(CodecPowerState.Standby, rig.Now);
            rig.RunUntilIdle(2000);

            int[] writes = rig.CodecWritesSinceMark(mark);
            for (int i = 0; i < writes.Length; i++)
            {
                int register = writes[i] / 0x1000;
                int value = writes[i] & 0x1FF;
                if (register == Wm8960Registers.LeftHeadphoneVolume || register == Wm8960Registers.RightHeadphoneVolume)
                {
                    Assert.IsTrue((value & 0x7F) <= opened, "the headphone level kept rising after the request to go down");
                }

                if (register == Wm8960Registers.DacControl1)
                {
                    Assert.AreEqual(Wm8960Registers.DacSoftMute, value & Wm8960Registers.DacSoftMute, "the DAC was un-muted on the way down");
                }
            }

            Assert.AreEqual((int)CodecPowerState.Standby, (int)rig.Codec.PowerState);
            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.Board.DescribePops());
        }

        [TestMethod]
        public static void StandbyToOnIsQuickOnceTheBiasIsUp()
        {
            var rig = new ReferenceDriverRig();
            rig.Codec.ConfigureClocks(48000, 12288000);
            rig.Codec.RequestPowerState(CodecPowerState.Standby, rig.Now);
            int biasMs = rig.RunUntilIdle(5000);
            rig.Codec.RequestPowerState(CodecPowerState.On, rig.Now);
            int onMs = rig.RunUntilIdle(5000);
            OutputHelper.WriteLine("Off → Standby " + biasMs.ToString() + " ms, Standby → On " + onMs.ToString() + " ms");

            Assert.IsTrue(biasMs >= Wm8960Sequences.VmidSettleMs && biasMs < Wm8960Sequences.VmidSettleMs + 100);
            Assert.IsTrue(onMs <= 100, "from standby the outputs are up within 100 ms");
            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.Board.DescribePops());
        }

        [TestMethod]
        public static void TheSequencesRunByHandAreAsQuietAsTheDriver()
        {
            // The control for the reordering tests below: the helper that runs a sequence by hand
            // does not itself make noise.
            var rig = MonitorRig(-20);
            rig.Codec.ConfigureClocks(48000, 12288000);
            rig.RunUntilIdle(1000);
            RunSteps(rig.Codec, rig.Board.Clock, Wm8960Sequences.OffToStandby);
            RunSteps(rig.Codec, rig.Board.Clock, Wm8960Sequences.StandbyToOn);
            RunSteps(rig.Codec, rig.Board.Clock, Wm8960Sequences.Unmute);
            rig.Run(300);
            RunSteps(rig.Codec, rig.Board.Clock, Wm8960Sequences.OnToStandby);
            RunSteps(rig.Codec, rig.Board.Clock, Wm8960Sequences.StandbyToOff);
            rig.Run(1000);

            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.Board.DescribePops());
        }

        [TestMethod]
        public static void SkippingTheVmidSettleTimeThumps()
        {
            var rig = new ReferenceDriverRig();
            rig.Codec.ConfigureClocks(48000, 12288000);
            rig.RunUntilIdle(1000);
            long start = rig.Board.Clock.NowUs;
            RunSteps(rig.Codec, rig.Board.Clock, SequenceEdits.Without(Wm8960Sequences.OffToStandby, StepKind.Wait));
            RunSteps(rig.Codec, rig.Board.Clock, Wm8960Sequences.StandbyToOn);
            rig.Run(1000);

            Assert.IsTrue(rig.Pops("codec-a", start) > 0, "no pop detected: " + rig.Board.DescribePops());
        }

        [TestMethod]
        public static void CuttingVmidInOffThumps()
        {
            // Why Off keeps VMID at 2×250 kΩ: Linux's OFF clears VMIDSEL, VMID collapses while the
            // outputs are still tied to it, and the headphone capacitors discharge through the
            // headphones.
            var rig = new ReferenceDriverRig();
            rig.PlaySine(-10);
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.Codec.SetMuted(false, rig.Now);
            rig.PowerUp();
            rig.Run(300);
            rig.PowerDown();
            rig.Run(500);
            Assert.AreEqual(0, rig.Board.PopEvents.Count, "the driver's Off is quiet: " + rig.Board.DescribePops());
            long cut = rig.Board.Clock.NowUs;

            RunSteps(rig.Codec, rig.Board.Clock, new[] { SequenceStep.Update(Wm8960Registers.Power1, Wm8960Registers.VmidMask, 0) });
            rig.Run(1000);

            OutputHelper.WriteLine(rig.Board.DescribePops());
            Assert.IsTrue(rig.Pops("codec-a", cut) > 0, "no pop detected: " + rig.Board.DescribePops());
        }

        [TestMethod]
        public static void UnmutingBeforeTheDriversAreUpClicks()
        {
            var rig = MonitorRig(-20);
            rig.Codec.ConfigureClocks(48000, 12288000);
            rig.RunUntilIdle(1000);
            RunSteps(rig.Codec, rig.Board.Clock, Wm8960Sequences.OffToStandby);
            long start = rig.Board.Clock.NowUs;

            // the un-mute opens the monitor onto drivers that are off; they switch on at full level
            SequenceStep[] up = SequenceEdits.MoveToEnd(Wm8960Sequences.StandbyToOn, Wm8960Registers.Power2, Wm8960Registers.HeadphoneDrivers);
            RunSteps(rig.Codec, rig.Board.Clock, SequenceEdits.Head(up, up.Length - 1));
            RunSteps(rig.Codec, rig.Board.Clock, Wm8960Sequences.Unmute);
            RunSteps(rig.Codec, rig.Board.Clock, SequenceEdits.Tail(up, 1));
            rig.Run(300);

            Assert.IsTrue(rig.Pops("codec-a", start) > 0, "no pop detected: " + rig.Board.DescribePops());
        }

        [TestMethod]
        public static void SwitchingTheDriversOffBeforeTheMuteClicks()
        {
            var rig = new ReferenceDriverRig();
            rig.PlaySine(-6);
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.Codec.SetMuted(false, rig.Now);
            rig.PowerUp();
            rig.Run(300);
            long start = rig.Board.Clock.NowUs;

            var reordered = new SequenceStep[Wm8960Sequences.OnToStandby.Length + 1];
            reordered[0] = SequenceStep.Update(Wm8960Registers.Power2, Wm8960Registers.HeadphoneDrivers, 0);
            System.Array.Copy(Wm8960Sequences.OnToStandby, 0, reordered, 1, Wm8960Sequences.OnToStandby.Length);
            RunSteps(rig.Codec, rig.Board.Clock, reordered);
            rig.Run(300);

            Assert.IsTrue(rig.Pops("codec-a", start) > 0, "no pop detected: " + rig.Board.DescribePops());
        }

        // ---- helpers ---------------------------------------------------------------------------

        /// <summary>A sine on both inputs, monitored straight at 0 dB, headphones at 0 dB.</summary>
        [TestMethod]
        public static void MutedTheMonitorIsSilentAtBothJacksAndComesBackWithoutAPop()
        {
            // A near full-scale input monitored at a listening level (−1 dBFS, headphone −20 dB), heard
            // at the codec's own jack and, through the TPA6130A2 at 0 dB, at the main jack.
            ReferenceDriverRig rig = MonitorRig(-1);
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(-2000));
            rig.StartRecording();
            rig.PowerUp();
            rig.Amplifier.SetVolume(0);
            rig.Amplifier.SetEnabled(true, rig.Now);
            rig.RunUntilIdle(1000);
            rig.Run(300);
            double codecJack = rig.LevelDb(rig.Board.CodecOutput(0), true, 40);
            double mainJack = rig.LevelDb(rig.Board.MainJack, true, 40);
            AssertLevel(-21, codecJack, 0.3);
            long start = rig.Board.Clock.NowUs;

            rig.Codec.SetMuted(true, rig.Now);
            rig.RunUntilIdle(1000);
            rig.Run(100);
            double[] muted =
            {
                rig.LevelDb(rig.Board.CodecOutput(0), true, 40), rig.LevelDb(rig.Board.CodecOutput(0), false, 40),
                rig.LevelDb(rig.Board.MainJack, true, 40), rig.LevelDb(rig.Board.MainJack, false, 40),
            };
            OutputHelper.WriteLine("muted monitor: codec jack " + muted[0].ToString("F1") + " / " + muted[1].ToString("F1")
                + " dBFS, main jack " + muted[2].ToString("F1") + " / " + muted[3].ToString("F1") + " dBFS");
            for (int i = 0; i < muted.Length; i++)
            {
                Assert.IsTrue(muted[i] <= -100, "muted means silent at both jacks, monitor included");
            }

            rig.Codec.SetMuted(false, rig.Now);
            rig.RunUntilIdle(1000);
            rig.Run(300);
            AssertLevel(codecJack, rig.LevelDb(rig.Board.CodecOutput(0), true, 40), 0.1);
            AssertLevel(mainJack, rig.LevelDb(rig.Board.MainJack, true, 40), 0.1);
            Assert.AreEqual(0, rig.Pops(string.Empty, start), rig.Board.DescribePops());
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        internal static ReferenceDriverRig MonitorRig(double dbfs)
        {
            var rig = new ReferenceDriverRig();
            rig.Board.SetInput("input-1", SineSource.AtDbfs(1000, dbfs));
            rig.Board.SetInput("input-2", SineSource.AtDbfs(1000, dbfs));
            rig.Codec.SetInputGain(StereoGain.Both(0));
            rig.Codec.SetMonitor(MonitorGains.Straight(0));
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.Codec.SetMuted(false, rig.Now); // the outputs open once the codec is On
            return rig;
        }

    }
}
