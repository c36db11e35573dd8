using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Sgtl5000;
using InterfaceFirmware.Emulator;
using nanoFramework.TestFramework;
using static InterfaceFirmware.UnitTests.Drivers.DriverTestHelpers;

namespace InterfaceFirmware.UnitTests.Drivers
{
    /// <summary>
    /// The SGTL5000 driver's gain stages on the portable board: each scale's codes against the
    /// datasheet's formulas (as Linux and Teensy quote them), and the levels the emulator renders
    /// at the jacks and in the capture.
    /// </summary>
    [TestClass]
    public class Sgtl5000GainTests
    {
        [TestMethod]
        public static void ScalesMatchTheDatasheetFormulas()
        {
            // Headphone: field 0x00 = +12 dB, 0x18 = 0 dB, 0x7F = −51.5 dB, 0.5 dB steps; code = 0x80 − field.
            Assert.AreEqual(0x00, Sgtl5000Gains.HeadphoneField(Sgtl5000Gains.Headphone.CodeFor(1200)));
            Assert.AreEqual(0x18, Sgtl5000Gains.HeadphoneField(Sgtl5000Gains.Headphone.CodeFor(0)));
            Assert.AreEqual(0x7F, Sgtl5000Gains.HeadphoneField(Sgtl5000Gains.Headphone.CodeFor(-5150)));
            Assert.AreEqual(Sgtl5000Gains.HeadphoneMuteCode, Sgtl5000Gains.Headphone.CodeFor(GainScale.Muted));
            for (int field = 0; field <= 0x7F; field++)
            {
                Assert.AreEqual((int)(Sgtl5000Model.HeadphoneGainDb(field) * 100), Sgtl5000Gains.Headphone.CentiDbFor(Sgtl5000Gains.HeadphoneCode(field)));
            }

            // DAC: 0x3C = 0 dB … 0xF0 = −90 dB, mute 0xFC.
            Assert.AreEqual(0x3C, Sgtl5000Gains.Dac.CodeFor(0));
            Assert.AreEqual(0xF0, Sgtl5000Gains.Dac.CodeFor(-9000));
            Assert.AreEqual(0xFC, Sgtl5000Gains.Dac.CodeFor(GainScale.Muted));
            for (int code = 0x3C; code <= 0xF0; code++)
            {
                Assert.AreEqual((int)(Sgtl5000Model.DacGainDb(code) * 100), Sgtl5000Gains.Dac.CentiDbFor(code));
            }

            // ADC analogue: 0 … +22.5 dB in 1.5 dB; mic preamp 0/20/30/40; line out 0.5 dB per code.
            for (int code = 0; code <= 15; code++)
            {
                Assert.AreEqual((int)(Sgtl5000Model.AdcGainDb(code, false) * 100), Sgtl5000Gains.AdcInput.CentiDbFor(code));
            }

            for (int code = 0; code <= 3; code++)
            {
                Assert.AreEqual((int)(Sgtl5000Model.MicGainDb(code) * 100), Sgtl5000Gains.MicPreamp.CentiDbFor(code));
            }

            Assert.AreEqual(-50, Sgtl5000Gains.LineOut.CentiDbFor(15) - Sgtl5000Gains.LineOut.CentiDbFor(14));
            Assert.AreEqual(0, Sgtl5000Gains.LineOut.CentiDbFor(Sgtl5000Gains.LineOutNominalCode));
            Assert.AreEqual(0x2F, Sgtl5000Gains.EqBand.CodeFor(0));
            Assert.AreEqual(0x5F, Sgtl5000Gains.EqBand.CodeFor(1200));
        }

        [TestMethod]
        public static void HeadphoneLevelsAreRenderedAsSet()
        {
            var rig = new PortableDriverRig();
            rig.PlaySine(-20);
            rig.StartRecording();
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0)); // the level the un-mute opens to
            rig.PowerUp();
            rig.Codec.SetMuted(false, rig.Now);
            rig.Run(200);
            int[] requests = { 0, -1000, 600, -3150 };
            int current = 0;
            for (int i = 0; i < requests.Length; i++)
            {
                // as the volume control does: 1 dB steps, each landing at a zero crossing
                while (current != requests[i])
                {
                    int step = requests[i] - current;
                    current += step > 100 ? 100 : (step < -100 ? -100 : step);
                    rig.Codec.SetHeadphoneVolume(StereoGain.Both(current));
                    rig.Run(5);
                }

                StereoGain set = rig.Codec.SetHeadphoneVolume(StereoGain.Both(requests[i]));
                Assert.AreEqual(requests[i], set.Left);
                Assert.AreEqual(Sgtl5000Gains.HeadphoneField(Sgtl5000Gains.Headphone.CodeFor(requests[i])),
                    rig.Model.Register(Sgtl5000Model.RegAnaHpCtrl) & 0x7F);
                rig.Run(100);
                AssertLevel(-20 + requests[i] / 100.0, rig.LevelDb(rig.HeadphoneJack, true, 50), 0.1);
                AssertLevel(-20 + requests[i] / 100.0, rig.LevelDb(rig.HeadphoneJack, false, 50), 0.1);
            }

            Assert.AreEqual(0, rig.RedundantWritesSinceStart);
            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.Board.DescribePops());
        }

        [TestMethod]
        public static void DacVolumeIsRenderedAndRampsWithoutAClick()
        {
            var rig = new PortableDriverRig();
            rig.PlaySine(-6);
            rig.StartRecording();
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.PowerUp();
            rig.Codec.SetMuted(false, rig.Now);
            rig.Run(300);
            int[] requests = { -1000, -2350, 0, -4000 };
            for (int i = 0; i < requests.Length; i++)
            {
                StereoGain set = rig.Codec.SetDacVolume(StereoGain.Both(requests[i]));
                Assert.AreEqual(requests[i], set.Right);
                int code = Sgtl5000Gains.Dac.CodeFor(requests[i]);
                Assert.AreEqual(code | (code << 8), rig.Model.Register(Sgtl5000Model.RegDacVol));
                rig.Run(100);
                AssertLevel(-6 + requests[i] / 100.0, rig.LevelDb(rig.HeadphoneJack, true, 50), 0.1);
            }

            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.Board.DescribePops());
            Assert.AreEqual(0, rig.RedundantWritesSinceStart);
        }

        [TestMethod]
        public static void InputGainReachesTheCaptureAsSet()
        {
            var rig = new PortableDriverRig();
            rig.Board.SetInput("line-left", SineSource.AtDbfs(1000, -30));
            rig.Board.SetInput("line-right", SineSource.AtDbfs(1000, -30));
            rig.PowerUp();
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.SelectInputs(InputSource.Input1, InputSource.Input1));
            double fullScaleDb = Decibels.ToDb(Sgtl5000Model.AdcFullScale);
            int[] requests = { 0, 1050, 2250, 700 };
            for (int i = 0; i < requests.Length; i++)
            {
                StereoGain set = rig.Codec.SetInputGain(StereoGain.Both(requests[i]));
                AssertWithinHalfStep(requests[i] / 100.0, set.Left / 100.0, 150);
                rig.Run(200);
                AssertLevel(-30 - fullScaleDb + set.Left / 100.0, rig.CaptureLevelDb(true, 2400), 0.1);
                AssertLevel(-30 - fullScaleDb + set.Right / 100.0, rig.CaptureLevelDb(false, 2400), 0.1);
            }

            // The microphone through its preamp, on both channels.
            rig.Board.SetInput("mic", SineSource.AtDbfs(1000, -50));
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.SelectInputs(InputSource.Input2, InputSource.Input2));
            Assert.AreEqual(2000, rig.Codec.SetMicGain(2000));
            rig.Codec.SetInputGain(StereoGain.Both(0));
            rig.Run(200);
            AssertLevel(-50 - fullScaleDb + 20, rig.CaptureLevelDb(true, 2400), 0.1);
            AssertLevel(-50 - fullScaleDb + 20, rig.CaptureLevelDb(false, 2400), 0.1);
            Assert.AreEqual((int)DriverStatus.Unsupported, (int)rig.Codec.SelectInputs(InputSource.Input1, InputSource.Input2));
            Assert.AreEqual(0, rig.RedundantWritesSinceStart);
        }

        [TestMethod]
        public static void LineOutHasItsOwnVolumeAndFeedsTheMainJack()
        {
            var rig = new PortableDriverRig();
            rig.PlaySine(-20);
            rig.StartRecording();
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(-1000));
            rig.PowerUp();
            rig.Amplifier.SetVolume(0);
            rig.Amplifier.SetMuted(false, false);
            rig.Amplifier.SetEnabled(true, rig.Now);
            rig.Codec.SetMuted(false, rig.Now);
            rig.Run(300);
            double ampDb = rig.Board.Amplifier.GainCentiDbFor(true) / 100.0;
            int[] requests = { 0, -300, 500 };
            for (int i = 0; i < requests.Length; i++)
            {
                StereoGain set = rig.Codec.SetLineOutVolume(StereoGain.Both(requests[i]));
                Assert.AreEqual(requests[i], set.Left);
                int code = rig.Model.Register(Sgtl5000Model.RegLineOutVol) & 0x1F;
                Assert.AreEqual(Sgtl5000Gains.LineOutNominalCode - requests[i] / 50, code);
                rig.Run(100);
                AssertLevel(-20 + rig.Model.LineOutLevelDb(code) + ampDb, rig.LevelDb(rig.Board.MainJack, true, 50), 0.15);
                // the headphone jack keeps its own level
                AssertLevel(-30, rig.LevelDb(rig.HeadphoneJack, true, 50), 0.1);
            }

            // At the nominal code the line out carries a full-scale DAC at VAG's voltage (datasheet), within 0.2 dB of it.
            AssertLevel(Decibels.ToDb(rig.Model.VagVolts / 1.41), rig.Model.LineOutLevelDb(Sgtl5000Gains.LineOutNominalCode), 0.2);
            Assert.AreEqual(0, rig.RedundantWritesSinceStart);
        }
    }
}
