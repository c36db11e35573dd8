using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Model;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    /// <summary>Chips that stop answering, lose their registers or overheat: muted while unsure, back afterwards, never louder.</summary>
    [TestClass]
    public class FaultTests
    {
        [TestMethod]
        public static void AnAmplifierThatStopsAnsweringMutesItsJackOnlyAndComesBack()
        {
            var rig = new DeviceRig("reference", null);
            rig.PlayTone(-6);
            rig.Boot();
            rig.Run(300);
            double main = rig.ToneDb(0, true, 50);
            double second = rig.ToneDb(1, true, 50);
            long since = rig.NowUs;
            rig.Board.Bus.FaultsAt(0x60).Absent = true;
            rig.Device.Apply(InterfaceFirmware.Firmware.Controls.UserAction.SelectNextJack, rig.Board.Clock.NowMs);
            rig.Device.Apply(InterfaceFirmware.Firmware.Controls.UserAction.SelectNextJack, rig.Board.Clock.NowMs);
            rig.Run(1000); // the amplifier is touched by its thermal probe: the driver finds it gone
            Assert.IsTrue(rig.Device.State.Fault, "fault shown");
            Assert.IsTrue(System.Math.Abs(rig.ToneDb(1, true, 50) - second) <= 0.1, "the second jack plays on");
            Assert.IsTrue(rig.ToneDb(0, true, 50) < main - 40, "the main jack is muted");
            long back = rig.Board.Clock.NowMs;
            rig.Board.Bus.FaultsAt(0x60).Absent = false;
            rig.Run(2000);
            rig.RunUntil(10000, true);
            rig.Run(200);
            OutputHelper.WriteLine(rig.LogText());
            Assert.IsFalse(rig.Device.State.Fault);
            double after = rig.ToneDb(0, true, 50);
            Assert.IsTrue(after <= main + 0.1 && after >= main - 0.5, "main jack back at " + after.ToString("F2"));
            Assert.AreEqual(0, rig.Pops(1, since), rig.DescribePops());
        }

        [TestMethod]
        public static void AnOverheatedAmplifierMutesItsJackWaitsAndComesBack()
        {
            var rig = new DeviceRig("reference", null);
            rig.PlayTone(-6);
            rig.Boot();
            rig.Run(300);
            double main = rig.ToneDb(0, true, 50);
            rig.Board.Amplifier.SetThermalOverload(true);
            rig.Run(1500);
            Assert.IsTrue(rig.Device.State.Fault);
            Assert.IsTrue(rig.ToneDb(0, true, 50) < main - 40, "muted while hot");
            rig.Board.Amplifier.SetThermalOverload(false);
            rig.Run(4000);
            rig.RunUntil(10000, true);
            rig.Run(200);
            OutputHelper.WriteLine(rig.LogText());
            Assert.IsFalse(rig.Device.State.Fault);
            double after = rig.ToneDb(0, true, 50);
            Assert.IsTrue(after <= main + 0.1 && after >= main - 0.5, "back at " + after.ToString("F2"));
        }

        [TestMethod]
        public static void AnEs8388BrownOutIsFoundAndRepairedNeverLouder()
        {
            var rig = new DeviceRig("audiokit", null);
            rig.PlayTone(-6);
            rig.Boot();
            rig.Run(300);
            double before = rig.ToneDb(0, true, 50);
            long since = rig.NowUs;
            rig.Board.Es8388.BrownOut();
            double loudest = rig.RunAndFindLoudest(0, 3000);

            rig.RunUntil(10000, true);
            rig.Run(200);
            OutputHelper.WriteLine(rig.LogText());
            double after = rig.ToneDb(0, true, 50);
            Assert.IsTrue(rig.LogText().IndexOf("lost its registers") >= 0, "not noticed");
            Assert.IsTrue(loudest <= before + 0.1, "never louder while recovering: " + loudest.ToString("F2"));
            Assert.IsTrue(after <= before + 0.1 && after >= before - 0.5, "back at " + after.ToString("F2"));
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
        }

        [TestMethod]
        public static void ACodecThatNacksForASecondIsRecovered()
        {
            var rig = new DeviceRig("reference", null);
            rig.PlayTone(-6);
            rig.Boot();
            rig.Run(300);
            double before = rig.ToneDb(1, true, 50);
            var plan = rig.Board.Bus.FaultsAt(0x5A);
            plan.NackFromUs = rig.NowUs;
            plan.NackUntilUs = rig.NowUs + 1000000;
            for (int i = 0; i < 4; i++)
            {
                rig.Device.Apply(i == 0 ? InterfaceFirmware.Firmware.Controls.UserAction.SelectNextJack : InterfaceFirmware.Firmware.Controls.UserAction.VolumeDown, rig.Board.Clock.NowMs);
            }

            long since = rig.NowUs;
            rig.Run(300);
            Assert.IsTrue(rig.Device.State.Fault, "the failed writes are noticed");
            double loudest = rig.RunAndFindLoudest(1, 3000);

            rig.RunUntil(10000, true);
            rig.Run(200);
            OutputHelper.WriteLine(rig.LogText());
            Assert.IsFalse(rig.Device.State.Fault);
            Assert.AreEqual(0, rig.Device.Exceptions);
            double after = rig.ToneDb(1, true, 50);
            Assert.IsTrue(loudest <= before + 0.1, "never louder while recovering: " + loudest.ToString("F2"));
            Assert.IsTrue(System.Math.Abs(after - (before - 1.5)) <= 0.1, "at the level the three steps down asked: " + after.ToString("F2") + " vs " + before.ToString("F2"));
            Assert.AreEqual(0, rig.Pops(1, since), rig.DescribePops());
        }

        [TestMethod]
        public static void AWm8960BrownOutIsNoticedOnTheCaptureAndRepairedNeverLouder()
        {
            var rig = new DeviceRig("reference", null);
            rig.PlayTone(-6);
            rig.Boot();
            rig.Run(300);
            double main = rig.ToneDb(0, true, 50);
            double second = rig.ToneDb(1, true, 50);
            rig.Board.Wm8960.BrownOut();
            rig.Board.Codecs[1].BrownOut(); // one supply: both codecs reset
            long start = rig.Board.Clock.NowMs;
            rig.Run(300);
            Assert.AreEqual(1, rig.Device.BrownOutsFromCapture, "noticed within 300 ms");
            double loudest = rig.RunAndFindLoudest(0, 4000);

            rig.RunUntil(10000, true);
            rig.Run(200);
            OutputHelper.WriteLine(rig.LogText());
            Assert.IsTrue(loudest <= main + 0.1, "never louder while recovering");
            Assert.IsTrue(System.Math.Abs(rig.ToneDb(0, true, 50) - main) <= 0.1, "main back at its level");
            Assert.IsTrue(System.Math.Abs(rig.ToneDb(1, true, 50) - second) <= 0.1, "second back at its level");
            Assert.AreEqual(1, rig.Device.BrownOutsFromCapture, "once");
        }

        [TestMethod]
        public static void SilentInputsAreNotMistakenForABrownOut()
        {
            var rig = new DeviceRig("reference", null); // nothing on the inputs, nothing played
            rig.Boot();
            rig.Run(5000);
            Assert.AreEqual(0, rig.Device.BrownOutsFromCapture);
        }
    }
}
