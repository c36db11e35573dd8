using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Controls;
using InterfaceFirmware.Firmware.Model;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    /// <summary>48 V phantom power and input types: switched behind a mute, so their thump never reaches a headphone.</summary>
    [TestClass]
    public class InputSwitchTests
    {
        [TestMethod]
        public static void PhantomPowerSwitchesBehindAMuteWithoutAPop()
        {
            var rig = new DeviceRig("reference", null);
            rig.PlayTone(-20);
            rig.Board.SetInput("input-1", SineSource.AtDbfs(1000, -30));
            rig.Boot();
            rig.Run(300);
            double before = rig.ToneDb(0, true, 50);
            long since = rig.NowUs;
            rig.Device.Apply(UserAction.TogglePhantom, rig.Board.Clock.NowMs);
            rig.RunUntil(5000, true);
            rig.Run(200);
            Assert.IsTrue(rig.Board.PhantomOn, "phantom on");
            Assert.IsTrue(rig.Device.Settings.Phantom);
            rig.Device.Apply(UserAction.TogglePhantom, rig.Board.Clock.NowMs);
            rig.RunUntil(5000, true);
            rig.Run(200);
            Assert.IsFalse(rig.Board.PhantomOn, "phantom off");
            double after = rig.ToneDb(0, true, 50);
            OutputHelper.WriteLine("before " + before.ToString("F2") + ", after " + after.ToString("F2") + " dBFS; " + rig.DescribePops());
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
            Assert.AreEqual(0, rig.Pops(1, since), rig.DescribePops());
            Assert.IsTrue(System.Math.Abs(after - before) <= 0.1, "back at its level");
        }

        [TestMethod]
        public static void WithoutTheMuteThePhantomStepWouldBeHeard()
        {
            var rig = new DeviceRig("reference", null);
            rig.Boot();
            rig.Run(300);
            long since = rig.NowUs;
            // straight to the expander, behind the firmware's back: P0 high on live jacks
            rig.Board.Bus.Write(0x41, new byte[] { 1, 0x01 }, 0, 2);
            rig.Run(500);
            OutputHelper.WriteLine(rig.DescribePops());
            Assert.IsTrue(rig.Pops(0, since) > 0, "the step at the inputs reaches the main jack through the monitor");
        }

        [TestMethod]
        public static void InputTypesSwitchTheBoardsInputsAndPersist()
        {
            var flash = new SettingsFlash(4, 256);
            var rig = new DeviceRig(new VirtualBoard(BoardDescription.Reference(), 3, flash), "reference", null, true);
            rig.Boot();
            long now = rig.Board.Clock.NowMs;
            rig.Device.Apply(UserAction.ToggleInputGainFocus, now); // the keys on input 1
            rig.Device.Apply(UserAction.CycleMonitorMode, now); // with the keys on an input: its type (line → mic)
            rig.Device.Apply(UserAction.CycleMonitorMode, now); // mic → instrument
            rig.RunUntil(5000, true);
            Assert.AreEqual((int)InputType.Instrument, (int)rig.Device.Settings.InputTypes[0]);
            Assert.IsTrue(rig.Board.Expander.PinHigh(1), "input 1's Hi-Z select on");
            Assert.IsFalse(rig.Board.Expander.PinHigh(2), "input 2 untouched");
            rig.Run(4000); // saved
            var stored = new Settings(2);
            Assert.IsTrue(SettingsTestData.Storage(flash, null).Load(stored, null), "a record in the flash");
            Assert.AreEqual((int)InputType.Instrument, (int)stored.InputTypes[0], "the type persisted");

            var kit = new DeviceRig("audiokit", null);
            kit.Board.SetInput("mic-left", SineSource.AtDbfs(1000, -20));
            kit.Boot();
            kit.Run(300);
            double line = kit.ToneDb(0, true, 50);
            kit.Device.Apply(UserAction.CycleInputType, kit.Board.Clock.NowMs); // input 1: line → mic
            kit.RunUntil(5000, true);
            kit.Run(300);
            double mic = kit.ToneDb(0, true, 50);
            OutputHelper.WriteLine("audio kit, mic on its left microphone: line selected " + line.ToString("F1") + " dBFS, mic selected " + mic.ToString("F1"));
            Assert.IsTrue(mic > line + 40, "the microphone is heard once selected");
            Assert.AreEqual(0, kit.Pops(0, 0), kit.DescribePops());
        }
    }
}
