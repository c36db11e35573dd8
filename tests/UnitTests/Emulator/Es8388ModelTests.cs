using System;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Emulator
{
    [TestClass]
    public class Es8388ModelTests
    {
        private const int Address = Es8388Model.DefaultAddress;
        private const double Tolerance = 0.05;

        // Below this an output carries no signal (VMID still creeps by ~1e-7 per block after charging).
        private const double Silence = -120.0;

        // ---- bus and registers -------------------------------------------------------------------

        [TestMethod]
        public static void ResetValuesReadBackOverI2c()
        {
            var rig = new Es8388Rig();
            // NuttX power-up defaults (apache/nuttx drivers/audio/es8388.h), typed independently of the model.
            int[] expected =
            {
                0x06, 0x5C, 0xC3, 0xFC, 0xC0, 0x00, 0x00, 0x7C, 0x80,
                0x00, 0x00, 0x02, 0x00, 0x06, 0x30, 0x20, 0xC0, 0xC0, 0x38, 0xB0, 0x32, 0x06, 0x00,
                0x00, 0x06, 0x22, 0xC0, 0xC0, 0x08, 0x00,
                0x1F, 0xF7, 0xFD, 0xFF, 0x1F, 0xF7, 0xFD, 0xFF,
                0x00, 0x38, 0x28, 0x28, 0x38,
                0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                0xAA, 0xAA,
            };
            Assert.AreEqual(0x35, expected.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], rig.Read(i), "register 0x" + i.ToString("X2"));
            }

            Assert.AreEqual(0, rig.Codec.ProtocolErrors.Count);
            Assert.IsTrue(rig.Codec.IsMaster, "MSC=1 at reset");
        }

        [TestMethod]
        public static void WrittenValuesReadBack()
        {
            var rig = new Es8388Rig();
            int[] registers = { 0x01, 0x08, 0x09, 0x0A, 0x10, 0x17, 0x19, 0x1A, 0x26, 0x27, 0x2B, 0x2E, 0x31, 0x34, 0x35, 0x37, 0x39 };
            for (int i = 0; i < registers.Length; i++)
            {
                int value = (registers[i] * 37 + 11) & 0x7F;
                Assert.AreEqual((int)I2cStatus.Ok, (int)rig.Write(registers[i], value));
                Assert.AreEqual(value, rig.Read(registers[i]), "register 0x" + registers[i].ToString("X2"));
                Assert.AreEqual(value, rig.Codec.Register(registers[i]));
            }

            Assert.AreEqual(0, rig.Codec.ProtocolErrors.Count);
            int redundant = rig.Codec.RedundantWrites;
            rig.Write(0x2E, rig.Read(0x2E));
            Assert.AreEqual(redundant + 1, rig.Codec.RedundantWrites, "a write that changes nothing is redundant");
            rig.Write(0x2E, 0x1E);
            Assert.AreEqual(redundant + 1, rig.Codec.RedundantWrites);
        }

        [TestMethod]
        public static void UnwrittenRegistersReadTheirDefaults()
        {
            var rig = new Es8388Rig();
            rig.Write(0x32, 0x12);
            rig.Write(0x2E, 0x1E);

            Assert.AreEqual(0xAA, rig.Read(0x33));
            Assert.AreEqual(0x00, rig.Read(0x2F));
            Assert.AreEqual(0x00, rig.Read(0x35), "undocumented 0x35 reads 0 until written");

            // A 1-byte write sets the pointer for a separate read.
            var pointer = new byte[] { 0x34 };
            var buffer = new byte[1];
            Assert.AreEqual((int)I2cStatus.Ok, (int)rig.Bus.Write(Address, pointer, 0, 1));
            Assert.AreEqual((int)I2cStatus.Ok, (int)rig.Bus.Read(Address, buffer, 0, 1));
            Assert.AreEqual(0xAA, (int)buffer[0]);
            Assert.AreEqual(0x12, rig.Read(0x32));
        }

        [TestMethod]
        public static void NonexistentRegistersAreProtocolErrors()
        {
            var rig = new Es8388Rig();
            Assert.AreEqual((int)I2cStatus.Ok, (int)rig.Write(0x36, 0x55));
            Assert.AreEqual(1, rig.Codec.ProtocolErrors.Count);
            Assert.AreEqual(0, rig.Read(0x36));
            Assert.AreEqual(2, rig.Codec.ProtocolErrors.Count);
            rig.Write(0x40, 0x01);
            Assert.AreEqual(3, rig.Codec.ProtocolErrors.Count);
            Assert.AreEqual(0xD0, WriteAndRead(rig, 0x37, 0xD0), "0x37 exists (Espressif writes it)");
            Assert.AreEqual(3, rig.Codec.ProtocolErrors.Count);
        }

        [TestMethod]
        public static void ASecondDataByteIsNotAcknowledged()
        {
            var rig = new Es8388Rig();
            var frame = new byte[] { 0x2E, 0x1E, 0x1D };
            Assert.AreEqual((int)I2cStatus.DataNotAcknowledged, (int)rig.Bus.Write(Address, frame, 0, 3));
            Assert.AreEqual(0x1E, rig.Read(0x2E), "the first data byte is written");
            Assert.AreEqual(0x00, rig.Read(0x2F), "no auto-increment");
            Assert.AreEqual(1, rig.Codec.ProtocolErrors.Count);
        }

        [TestMethod]
        public static void AMultiByteReadRepeatsTheRegister()
        {
            var rig = new Es8388Rig();
            var pointer = new byte[] { 0x1C };
            var buffer = new byte[3];
            Assert.AreEqual((int)I2cStatus.Ok, (int)rig.Bus.WriteRead(Address, pointer, 0, 1, buffer, 0, 3));
            Assert.AreEqual(0x08, (int)buffer[0]);
            Assert.AreEqual(0x08, (int)buffer[1]);
            Assert.AreEqual(0x08, (int)buffer[2]);
            Assert.AreEqual(1, rig.Codec.ProtocolErrors.Count);
        }

        [TestMethod]
        public static void ScpResetRestoresDefaultsAndHoldsTheChipUntilCleared()
        {
            var rig = new Es8388Rig();
            rig.Write(Es8388Model.RegMasterMode, 0x00);
            rig.Write(Es8388Model.RegLout1Volume, 0x1E);
            rig.Write(Es8388Model.RegControl2, 0x50);

            rig.Write(Es8388Model.RegControl1, 0x80);
            Assert.IsTrue(rig.Codec.HeldInReset);
            Assert.AreEqual(0x80, rig.Read(Es8388Model.RegMasterMode));
            Assert.AreEqual(0x00, rig.Read(Es8388Model.RegLout1Volume));
            Assert.AreEqual(0x5C, rig.Read(Es8388Model.RegControl2));

            rig.Write(Es8388Model.RegLout1Volume, 0x10);
            Assert.AreEqual(0x00, rig.Read(Es8388Model.RegLout1Volume), "ignored while held in reset");
            Assert.AreEqual(1, rig.Codec.ProtocolErrors.Count);

            rig.Write(Es8388Model.RegControl1, 0x00);
            Assert.IsFalse(rig.Codec.HeldInReset);
            rig.Write(Es8388Model.RegLout1Volume, 0x10);
            Assert.AreEqual(0x10, rig.Read(Es8388Model.RegLout1Volume));
        }

        // ---- clocks ------------------------------------------------------------------------------

        [TestMethod]
        public static void StartsAsMasterAndTwoMastersIsAClockProblemUntilSlave()
        {
            var rig = new Es8388Rig();
            Assert.IsTrue(rig.Codec.IsMaster);
            Assert.IsFalse(rig.Codec.ClocksValid);
            Assert.IsTrue(rig.Codec.ClockProblem.IndexOf("two I2S masters") >= 0, rig.Codec.ClockProblem);

            rig.Write(Es8388Model.RegMasterMode, 0x00);
            Assert.IsFalse(rig.Codec.IsMaster);
            Assert.IsTrue(rig.Codec.ClockProblem.IndexOf("LRCLK 48000 Hz") >= 0, "reset ratio 768 gives 16 kHz: " + rig.Codec.ClockProblem);

            rig.Write(Es8388Model.RegDacControl2, 0x02);
            Assert.IsNull(rig.Codec.ClockProblem);
            Assert.IsTrue(rig.Codec.ClocksValid);
            Assert.IsTrue(Math.Abs(rig.Codec.DacSampleRate - 48000) < 0.01);

            // Master with nobody else driving LRCK is fine too.
            rig.Write(Es8388Model.RegMasterMode, 0x80);
            rig.Codec.Clocks.Set(12288000, 0);
            rig.Codec.OnClocksChanged(0);
            Assert.IsNull(rig.Codec.ClockProblem);
        }

        [TestMethod]
        public static void ClockProblemsAreNamed()
        {
            var rig = new Es8388Rig();
            rig.Write(Es8388Model.RegMasterMode, 0x00);
            rig.Write(Es8388Model.RegDacControl2, 0x02);
            Assert.IsNull(rig.Codec.ClockProblem);

            rig.Codec.Clocks.Set(0, 48000);
            rig.Codec.OnClocksChanged(0);
            Assert.AreEqual("no MCLK", rig.Codec.ClockProblem);

            rig.Codec.Clocks.Set(12288000, 48000);
            rig.Codec.OnClocksChanged(0);
            rig.Write(Es8388Model.RegDacControl21, 0x90);
            Assert.IsTrue(rig.Codec.ClockProblem.IndexOf("MCLK_DIS") >= 0, rig.Codec.ClockProblem);
            rig.Write(Es8388Model.RegDacControl21, 0x80);
            Assert.IsNull(rig.Codec.ClockProblem);

            rig.Write(Es8388Model.RegDacControl2, 0x0D);
            Assert.IsTrue(rig.Codec.ClockProblem.IndexOf("reserved DACFsRatio") >= 0, rig.Codec.ClockProblem);

            // MCLKDIV2 halves MCLK: ratio 128 then gives 48 kHz.
            rig.Write(Es8388Model.RegDacControl2, 0x00);
            Assert.IsNotNull(rig.Codec.ClockProblem);
            rig.Write(Es8388Model.RegMasterMode, 0x40);
            Assert.IsNull(rig.Codec.ClockProblem);
            rig.Write(Es8388Model.RegMasterMode, 0x00);
            rig.Write(Es8388Model.RegDacControl2, 0x02);

            // A powered ADC must run at the board's one LRCK.
            rig.Write(Es8388Model.RegAdcPower, 0x00);
            Assert.IsTrue(rig.Codec.ClockProblem.IndexOf("ADCFsRatio") >= 0, rig.Codec.ClockProblem);
            rig.Write(Es8388Model.RegAdcControl5, 0x02);
            Assert.IsNull(rig.Codec.ClockProblem);
        }

        [TestMethod]
        public static void AClockChangeUnderLiveOutputsIsReportedOnce()
        {
            var rig = new Es8388Rig();
            rig.Codec.Clocks.Set(11289600, 44100);
            rig.Codec.OnClocksChanged(0);
            Assert.IsNull(rig.Codec.TakeGlitch(), "nothing is live at reset");

            rig.Codec.Clocks.Set(12288000, 48000);
            rig.Codec.OnClocksChanged(0);
            rig.PowerUpPlayback();
            Assert.IsTrue(rig.Codec.OutputsLive);
            Assert.IsNull(rig.Codec.TakeGlitch());

            rig.Codec.Clocks.Set(11289600, 44100);
            rig.Codec.OnClocksChanged(rig.Clock.NowUs);
            Assert.IsNotNull(rig.Codec.TakeGlitch());
            Assert.IsNull(rig.Codec.TakeGlitch(), "reported once");
            Assert.AreEqual(1, rig.Codec.ClockEvents.Count);
        }

        // ---- levels ------------------------------------------------------------------------------

        [TestMethod]
        public static void Out1VolumeIsOneAndAHalfDbPerStepFromMinus45()
        {
            Assert.IsTrue(Es8388Model.Out1StepDb == 1.5);
            var rig = new Es8388Rig();
            rig.PowerUpPlayback();
            rig.PlaybackLeft = new SineSource(1000, 0.5);
            double input = Decibels.ToDb(0.5);

            int[] codes = { 0x1E, 0x00, 0x21, 0x3F, 0x14 };
            double[] gains = { 0.0, -45.0, 4.5, 4.5, -15.0 };
            for (int i = 0; i < codes.Length; i++)
            {
                rig.Write(Es8388Model.RegLout1Volume, codes[i]);
                rig.RenderMs(5);
                double level = rig.HeadphoneLevelDb(true, 20);
                Assert.IsTrue(Math.Abs(level - (input + gains[i])) < Tolerance,
                    "LOUT1VOL 0x" + codes[i].ToString("X2") + ": " + level.ToString("F3") + " dB");
            }
        }

        [TestMethod]
        public static void MicPgaAndBypassReachTheOutputAtThePredictedLevel()
        {
            var rig = new Es8388Rig();
            rig.PowerUpPlayback();
            rig.Inputs[Es8388Rig.Lin1] = new SineSource(1000, 0.1);
            rig.Write(Es8388Model.RegAdcPower, 0x3C);       // input PGAs on, ADCs off
            rig.Write(Es8388Model.RegAdcControl1, 0x40);    // MicAmpL 4: +12 dB
            rig.Write(Es8388Model.RegAdcControl2, 0x00);    // LIN1
            rig.Write(Es8388Model.RegDacControl16, 0x1B);   // both mixers from the PGA ("PIN")
            rig.Write(Es8388Model.RegDacControl17, 0x48);   // LI2LO at 001 = +3 dB, no DAC
            rig.RenderMs(20);

            double level = rig.HeadphoneLevelDb(true, 40);
            Assert.IsTrue(Math.Abs(level - (-20.0 + 12.0 + 3.0)) < Tolerance, "PGA + bypass: " + level.ToString("F3"));

            // Codes above 8 clamp to +24 dB (esp_codec_dev writes 0xBB).
            rig.Inputs[Es8388Rig.Lin1] = new SineSource(1000, 0.01);
            rig.Write(Es8388Model.RegAdcControl1, 0xB0);
            rig.RenderMs(5);
            level = rig.HeadphoneLevelDb(true, 40);
            Assert.IsTrue(Math.Abs(level - (-40.0 + 24.0 + 3.0)) < Tolerance, "clamped PGA: " + level.ToString("F3"));

            // IN1 straight to the mixer skips the PGA.
            rig.Write(Es8388Model.RegDacControl16, 0x00);
            rig.RenderMs(5);
            level = rig.HeadphoneLevelDb(true, 40);
            Assert.IsTrue(Math.Abs(level - (-40.0 + 3.0)) < Tolerance, "IN1 bypass: " + level.ToString("F3"));
        }

        [TestMethod]
        public static void DifferentialInputIsLin1MinusRin1()
        {
            var rig = new Es8388Rig();
            rig.PowerUpPlayback();
            rig.Inputs[Es8388Rig.Lin1] = new SineSource(1000, 0.1);
            rig.Inputs[Es8388Rig.Rin1] = new SineSource(1000, 0.1, Math.PI);
            rig.Write(Es8388Model.RegAdcPower, 0x3C);
            rig.Write(Es8388Model.RegAdcControl2, 0xF0);    // both differential, DS=0: LIN1 − RIN1
            rig.Write(Es8388Model.RegDacControl16, 0x1B);
            rig.Write(Es8388Model.RegDacControl17, 0x50);   // LI2LO at 0 dB
            rig.RenderMs(10);

            double level = rig.HeadphoneLevelDb(true, 40);
            Assert.IsTrue(Math.Abs(level - Decibels.ToDb(0.2)) < Tolerance, "differential: " + level.ToString("F3"));
        }

        [TestMethod]
        public static void CrossFeedNeedsLi2roAndUsesItsGain()
        {
            var rig = new Es8388Rig();
            rig.PowerUpPlayback();
            rig.Inputs[Es8388Rig.Lin2] = new SineSource(1000, 0.2);
            rig.Write(Es8388Model.RegDacControl16, 0x08);   // LMIXSEL 001 (LIN2), RMIXSEL 000 (RIN1, silent)
            rig.Write(Es8388Model.RegDacControl17, 0x50);   // LI2LO 0 dB
            rig.Write(Es8388Model.RegDacControl20, 0x50);   // RI2RO 0 dB (RIN1 is silent)
            rig.RenderMs(10);

            double input = Decibels.ToDb(0.2);
            Assert.IsTrue(Math.Abs(rig.HeadphoneLevelDb(true, 20) - input) < Tolerance, "left bypass");
            Assert.IsTrue(rig.HeadphoneLevelDb(false, 20) < Silence, "no cross-feed without LI2RO");

            rig.Write(Es8388Model.RegDacControl19, 0x60);   // LI2RO at 100 = −6 dB
            rig.RenderMs(5);
            double right = rig.HeadphoneLevelDb(false, 40);
            Assert.IsTrue(Math.Abs(right - (input - 6.0)) < Tolerance, "cross-feed: " + right.ToString("F3"));

            rig.Write(Es8388Model.RegDacControl19, 0x78);   // LI2RO at 111 = −15 dB
            rig.RenderMs(5);
            right = rig.HeadphoneLevelDb(false, 40);
            Assert.IsTrue(Math.Abs(right - (input - 15.0)) < Tolerance, "cross-feed −15 dB: " + right.ToString("F3"));
        }

        [TestMethod]
        public static void DacPlaybackLevelFollowsVolumeMixerAndOutput()
        {
            var rig = new Es8388Rig();
            rig.PowerUpPlayback();
            rig.PlaybackLeft = new SineSource(1000, 0.5);
            rig.Write(Es8388Model.RegDacControl4, 0x0C);    // −6 dB
            rig.Write(Es8388Model.RegLout1Volume, 0x1A);    // −6 dB
            rig.RenderMs(5);

            double expected = Decibels.ToDb(0.5) - 12.0;
            double level = rig.HeadphoneLevelDb(true, 40);
            Assert.IsTrue(Math.Abs(level - expected) < Tolerance, "DAC path: " + level.ToString("F3"));

            // The mixer's volume field is the bypass gain: the DAC input stays at 0 dB.
            rig.Write(Es8388Model.RegDacControl17, 0x80);
            rig.RenderMs(5);
            level = rig.HeadphoneLevelDb(true, 40);
            Assert.IsTrue(Math.Abs(level - expected) < Tolerance, "DAC path with field 000: " + level.ToString("F3"));

            // Right DAC into the left mixer (RD2LO): the right channel's volume applies.
            rig.PlaybackLeft = SilenceSource.Instance;
            rig.PlaybackRight = new SineSource(1000, 0.5);
            rig.Write(Es8388Model.RegDacControl18, 0x80);
            rig.RenderMs(5);
            level = rig.HeadphoneLevelDb(true, 40);
            Assert.IsTrue(Math.Abs(level - (Decibels.ToDb(0.5) - 6.0)) < Tolerance, "RD2LO: " + level.ToString("F3"));
        }

        [TestMethod]
        public static void PowerBitsGateEveryStage()
        {
            var rig = new Es8388Rig();
            rig.PowerUpPlayback();
            rig.PlaybackLeft = new SineSource(1000, 0.5);
            rig.PlaybackRight = new SineSource(1000, 0.5);
            rig.RenderMs(5);
            Assert.IsTrue(rig.HeadphoneLevelDb(true, 10) > -7);

            rig.Write(Es8388Model.RegDacPower, 0xB0);       // left DAC down, outputs on
            rig.RenderMs(5);
            Assert.IsTrue(rig.HeadphoneLevelDb(true, 10) < Silence, "left DAC powered down");
            Assert.IsTrue(rig.HeadphoneLevelDb(false, 10) > -7, "right DAC still plays");
            Assert.IsTrue(rig.Codec.HeadphonePin(true).ResistanceOhms == Es8388Model.DrivenOhms);

            rig.Write(Es8388Model.RegDacPower, 0x30);
            rig.Write(Es8388Model.RegChipPower, 0x40);      // DAC digital powered down
            rig.RenderMs(5);
            Assert.IsTrue(rig.HeadphoneLevelDb(true, 10) < Silence, "DAC digital powered down");
            rig.Write(Es8388Model.RegChipPower, 0x00);

            rig.Write(Es8388Model.RegDacPower, 0x00);       // DACs on, outputs off
            rig.RenderMs(5);
            Assert.IsTrue(rig.Codec.HeadphonePin(true).ResistanceOhms == Es8388Model.TieOffOhms, "disabled: tied to VMID");
            Assert.IsTrue(Math.Abs(rig.Codec.HeadphonePin(true).Voltage[0] - rig.Codec.Vmid) < 1e-3);
            Assert.IsTrue(rig.HeadphoneLevelDb(true, 10) < Silence);

            rig.Write(Es8388Model.RegDacControl23, 0x10);   // VROI 40 kΩ
            rig.RenderMs(1);
            Assert.IsTrue(rig.Codec.HeadphonePin(false).ResistanceOhms == Es8388Model.TieOffHighOhms);

            rig.Write(Es8388Model.RegChipPower, 0x01);      // DAC VREF down
            rig.Write(Es8388Model.RegControl1, 0x00);       // VMID off, ENREF off
            rig.RenderMs(1);
            Assert.IsTrue(double.IsPositiveInfinity(rig.Codec.HeadphonePin(true).ResistanceOhms), "floating");

            rig.Write(Es8388Model.RegChipPower, 0x00);
            rig.Write(Es8388Model.RegControl1, 0x07);       // recharge VMID fast, so that it is flat again
            rig.Write(Es8388Model.RegDacPower, 0x30);
            rig.RenderMs(150);
            Assert.IsTrue(rig.HeadphoneLevelDb(true, 10) > -7, "driven again");
            rig.Write(Es8388Model.RegControl2, 0x58);       // PDNANA: the analogue section is off
            rig.RenderMs(5);
            Assert.IsFalse(rig.Codec.HeadphonePin(true).ResistanceOhms == Es8388Model.DrivenOhms, "no analogue bias, no driver");
            Assert.IsTrue(rig.HeadphoneLevelDb(true, 10) < Silence);
        }

        [TestMethod]
        public static void DacMuteWithSoftRampTakesTheDocumentedTime()
        {
            var rig = new Es8388Rig();
            rig.PowerUpPlayback();
            rig.PlaybackLeft = new DcSource(0.5);
            rig.Write(Es8388Model.RegDacControl3, 0x60);    // soft ramp, 0.5 dB per 32 LRCK, un-muted
            rig.RenderMs(5);
            Assert.IsTrue(Math.Abs(rig.OutputSample(true) - 0.5) < 1e-9);

            rig.Write(Es8388Model.RegDacControl3, 0x64);    // mute
            // 193 steps (0 dB → −96 dB → silent) × 32 LRCK at 48 kHz = 6176 frames = 128.7 ms.
            int expected = Es8388Model.RampSilentLevel * Es8388Model.RampLrckPerStep(true, 1);
            Assert.AreEqual(6176, expected);
            int firstSilent = -1;
            double halfway = 0;
            for (int n = 0; n < 8000; n++)
            {
                rig.RenderSamples(1);
                double v = rig.OutputSample(true);
                if (n == expected / 2)
                {
                    halfway = v;
                }

                if (v == 0 && firstSilent < 0)
                {
                    firstSilent = n;
                }

                if (firstSilent >= 0)
                {
                    Assert.IsTrue(v == 0, "stays silent");
                }
            }

            Assert.IsTrue(Math.Abs(firstSilent - expected) <= 2, "silent after " + firstSilent.ToString() + " frames");
            double halfwayDb = Decibels.ToDb(halfway / 0.5);
            Assert.IsTrue(Math.Abs(halfwayDb - (-48.0)) < 0.6, "halfway: " + halfwayDb.ToString("F2") + " dB");

            // Without soft ramp the mute is immediate.
            rig.Write(Es8388Model.RegDacControl3, 0x00);
            rig.RenderMs(1);
            Assert.IsTrue(Math.Abs(rig.OutputSample(true) - 0.5) < 1e-9, "un-muted at once");
            rig.Write(Es8388Model.RegDacControl3, 0x04);
            rig.RenderSamples(1);
            Assert.IsTrue(rig.OutputSample(true) == 0, "muted at once");
        }

        [TestMethod]
        public static void AdcCaptureLevelAndMute()
        {
            var rig = new Es8388Rig();
            rig.PowerUpPlayback();
            rig.Inputs[Es8388Rig.Lin1] = new SineSource(1000, 0.25);
            rig.Write(Es8388Model.RegAdcPower, 0x08);       // PGAs, ADCs, ADC bias on; mic bias off
            rig.Write(Es8388Model.RegAdcControl1, 0x20);    // MicAmpL 2: +6 dB
            rig.Write(Es8388Model.RegAdcControl8, 0x08);    // −4 dB
            Assert.IsNull(rig.Codec.ClockProblem);
            rig.RenderMs(300);                              // ramp up and the DC-blocking filter settle

            double level = rig.CaptureLevelDb(true, 40);
            double expected = Decibels.ToDb(0.25) + 6.0 - 4.0;
            Assert.IsTrue(Math.Abs(level - expected) < Tolerance, "capture: " + level.ToString("F3"));
            Assert.IsTrue(rig.CaptureLevelDb(false, 10) < Silence, "right input silent");

            rig.Write(Es8388Model.RegAdcControl7, 0x24);    // mute, soft ramp 4 LRCK per step: 16 ms
            rig.RenderMs(5);
            Assert.IsTrue(rig.CaptureLevelDb(true, 5) > Silence, "still ramping");
            rig.RenderMs(15);
            Assert.IsTrue(rig.CaptureLevelDb(true, 10) < Silence, "muted");

            rig.Write(Es8388Model.RegAdcControl7, 0x00);
            rig.RenderMs(1);
            Assert.IsTrue(Math.Abs(rig.CaptureLevelDb(true, 40) - expected) < Tolerance, "un-muted");

            rig.Write(Es8388Model.RegAdcPower, 0x38);       // ADCs powered down
            rig.RenderMs(1);
            Assert.IsTrue(rig.CaptureLevelDb(true, 10) < Silence, "ADC off");
        }

        [TestMethod]
        public static void VmidChargesAndDischargesWithItsTimeConstants()
        {
            var rig = new Es8388Rig();
            rig.Write(Es8388Model.RegControl1, 0x00);
            rig.RenderMs(1);
            Assert.IsTrue(rig.Codec.Vmid < 0.01);

            rig.Write(Es8388Model.RegControl1, 0x07);       // 5 kΩ, ENREF: τ = 12 ms
            rig.RenderMs(12);
            double expected = Es8388Model.VmidLevel * (1 - Math.Exp(-1));
            Assert.IsTrue(Math.Abs(rig.Codec.Vmid - expected) < 0.01, "one τ: " + rig.Codec.Vmid.ToString("F3"));
            Assert.IsFalse(rig.Codec.VmidSettled);
            rig.RenderMs(60);
            Assert.IsTrue(rig.Codec.VmidSettled);

            rig.Write(Es8388Model.RegControl1, 0x00);       // discharge: τ = 60 ms
            rig.RenderMs(60);
            Assert.IsTrue(Math.Abs(rig.Codec.Vmid - Es8388Model.VmidLevel * Math.Exp(-1)) < 0.01, "discharge: " + rig.Codec.Vmid.ToString("F3"));

            rig.Write(Es8388Model.RegControl1, 0x06);       // 500 kΩ: τ = 1.2 s
            rig.RenderMs(120);
            Assert.IsFalse(rig.Codec.VmidSettled, "500 kΩ charges slowly");
        }

        [TestMethod]
        public static void CurrentFollowsThePowerBits()
        {
            var rig = new Es8388Rig();
            double atReset = rig.Codec.CurrentMilliamps;
            rig.PowerUpPlayback();
            double playing = rig.Codec.CurrentMilliamps;
            Assert.IsTrue(playing > atReset + 3, atReset.ToString("F2") + " → " + playing.ToString("F2") + " mA");
            rig.Codec.SetPowered(false);
            Assert.IsTrue(rig.Codec.CurrentMilliamps == 0);
        }

        private static int WriteAndRead(Es8388Rig rig, int register, int value)
        {
            rig.Write(register, value);
            return rig.Read(register);
        }
    }
}
