using System;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Inputs;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    /// <summary>
    /// The clip guard against a transient: a loud passage starts abruptly on input 1 (a 200 Hz
    /// burst 7 dB over full scale at the boot gain). The first step must go out within two ticks of
    /// the first clipped sample (the decimated meter scans a stretch of each tick's frames and may
    /// miss the first tick's crests: see PeakMeter), the steps must go on until the input no longer clips, and the
    /// gain must stay down afterwards.
    /// </summary>
    [TestClass]
    public class ClipGuardTests
    {
        [TestMethod]
        [DataRow("reference")]
        [DataRow("audiokit")]
        [DataRow("portable")]
        public static void ATransientIsCaughtWithinTwoTicksAndTheGainStaysDown(string board)
        {
            var rig = new InputRig(board);
            rig.Rig.Device.Settings.ClipGuard[0] = true; // the setting; the firmware enables the guard from it
            rig.Rig.Device.Settings.ClipGuard[1] = true;
            rig.Inputs.Gains.SetGain(0, 1200); // room for steps (the Audio Kit boots at 0 dB, its lowest)
            rig.Run(200);
            int gainDb = rig.Inputs.Gains.GainCentiDb(0) / 100;
            int startGain = rig.Inputs.Gains.GainCentiDb(0);
            rig.SetInput(1, new SineSource(997, Decibels.ToLinear(-10 - gainDb))); // the other input, well below clipping

            // the burst starts 102.3 ms from now, between two ticks
            long startSample = rig.Board.Audio.NextSample + 4910;
            var burst = new SineSource(200, Decibels.ToLinear(7 - gainDb), 0.5);
            burst.StartSample = startSample;
            rig.SetInput(0, burst);
            int mark = rig.BusMark;
            long firstStepUs = -1;
            int writesAtFirstStep = 0;
            for (int elapsed = 0; elapsed < 600; elapsed += 5)
            {
                rig.Run(5);
                if (firstStepUs < 0 && rig.Inputs.ClipGuard.Steps(0) > 0)
                {
                    firstStepUs = rig.NowUs;
                    writesAtFirstStep = rig.CodecWritesSince(mark);
                }
            }

            int clipLevel = Dbfs.ToAmplitude(PeakMeter.ClipThresholdCentiDb);
            long firstClip = rig.Tap.FirstAtOrAbove(0, 0, clipLevel);
            Assert.IsTrue(firstClip >= 0, "the burst clipped");
            long firstClipUs = AudioEngine.TimeOfSampleUs(rig.FirstSample + firstClip);
            long reactionUs = firstStepUs - firstClipUs;
            int steps = rig.Inputs.ClipGuard.Steps(0);
            int endGain = rig.Inputs.Gains.GainCentiDb(0);

            // after the last step (and its latch), nothing clips
            Assert.IsTrue(steps > 0, "no step");
            long settledFrame = AudioEngine.SampleAt(rig.Inputs.ClipGuard.LastStepMs(0) * 1000 + 10000) - rig.FirstSample;
            long lateClip = rig.Tap.FirstAtOrAbove(0, settledFrame, clipLevel);
            OutputHelper.WriteLine(board + " clip guard: first clip at " + firstClipUs.ToString() + " µs, first step at " + firstStepUs.ToString()
                + " µs: reaction " + reactionUs.ToString() + " µs; " + steps.ToString() + " steps, gain " + AutoGain.FormatDb(startGain) + " → "
                + AutoGain.FormatDb(endGain) + " dB; " + writesAtFirstStep.ToString() + " codec write(s) for the first step");

            Assert.IsTrue(reactionUs >= 0 && reactionUs <= 2000L * InterfaceFirmware.Firmware.Application.InterfaceDevice.TickMs, "reaction " + reactionUs.ToString() + " µs: within two ticks");
            Assert.IsTrue(steps >= 3, "+7 dBFS takes three 3 dB steps: " + steps.ToString());
            Assert.IsTrue(endGain <= startGain - 3 * ClipGuard.DefaultStepCentiDb + 100, "lowered to " + AutoGain.FormatDb(endGain));
            Assert.AreEqual(-1, lateClip, "clips after the last step");
            Assert.AreEqual(0, rig.Inputs.ClipGuard.Steps(1), "the other input is left alone");
            Assert.IsTrue(rig.Inputs.Meter.ClipCount(1) == 0);

            // the loud passage ends: the gain stays where the guard left it
            rig.SetInput(0, new SineSource(997, Decibels.ToLinear(-40 - gainDb)));
            rig.Run(2000);
            Assert.AreEqual(endGain, rig.Inputs.Gains.GainCentiDb(0), "never raised again by itself");
            Assert.IsTrue(rig.Rig.LogText().IndexOf("clipped: gain lowered") >= 0);
        }

        [TestMethod]
        public static void AGuardThatIsOffDoesNothing()
        {
            var rig = new InputRig("reference");
            int before = rig.Inputs.Gains.GainCentiDb(0);
            rig.SetInput(0, new SineSource(200, Decibels.ToLinear(7 - 12)));
            rig.Run(200);
            Assert.IsTrue(rig.Inputs.Meter.ClipCount(0) > 0);
            Assert.AreEqual(0, rig.Inputs.ClipGuard.Steps(0));
            Assert.AreEqual(before, rig.Inputs.Gains.GainCentiDb(0));
        }

        [TestMethod]
        public static void TheGuardStandsAsideWhileAutoGainRuns()
        {
            var rig = new InputRig("reference");
            rig.Rig.Device.Settings.ClipGuard[0] = true; // the setting; the firmware enables the guard from it
            rig.SetInput(0, new LoopSource(TestSignals.Music(), Decibels.ToLinear(-4)));
            rig.Inputs.StartAutoGain(0, rig.NowMs);
            rig.RunUntilAutoGainDone(20000);
            Assert.AreEqual((int)AutoGainResult.Success, (int)rig.Inputs.AutoGain(0).Result);
            Assert.AreEqual(0, rig.Inputs.ClipGuard.Steps(0), "auto gain handled the clips itself");
            rig.Run(2000);
            Assert.AreEqual(0, rig.Inputs.ClipGuard.Steps(0), "and left no clipping behind");
        }

        [TestMethod]
        public static void AClipAtTheLowestGainIsLoggedOnce()
        {
            var rig = new InputRig("audiokit"); // boots at 0 dB, the ES8388's lowest input gain
            rig.Rig.Device.Settings.ClipGuard[0] = true; // the setting; the firmware enables the guard from it
            rig.SetInput(0, new SineSource(200, Decibels.ToLinear(3)));
            rig.Run(300);
            Assert.AreEqual(0, rig.Inputs.ClipGuard.Steps(0));
            string log = rig.Rig.LogText();
            int first = log.IndexOf("clips at its lowest gain");
            Assert.IsTrue(first >= 0, log);
            Assert.AreEqual(-1, log.IndexOf("clips at its lowest gain", first + 1), "logged once");
        }
    }
}
