using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Modes;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    /// <summary>
    /// Issue 10: in standalone only what standalone needs is powered. The mode decides each
    /// codec's blocks (<see cref="IAudioCodec.SetBlocksNeeded"/>): capture on the codec that feeds
    /// it (the meters, clip guard, auto gain and brown-out watch read it in standalone, the computer
    /// records it in USB mode), playback only in USB mode (or where the ESP32 plays: the dev boards).
    /// Each test prints the board's supply current per mode, and the figure with every block powered
    /// (what the firmware did before), measured on the same board by asking for every block live.
    /// </summary>
    [TestClass]
    public class StandalonePowerTests
    {
        private const int Wm8960Power1 = 0x19;   // R25: ADCL/ADCR bits 3/2, AINL/AINR bits 5/4
        private const int Wm8960Power2 = 0x1A;   // R26: DACL/DACR bits 8/7, LOUT1/ROUT1 bits 6/5
        private const int Wm8960Adcs = 0x00C;
        private const int Wm8960Dacs = 0x180;
        private const int Wm8960Inputs = 0x030;
        private const int Wm8960Headphone = 0x060;
        private const int SgtlDigPower = 0x0002; // CHIP_DIG_POWER: I2S_IN bit 0, I2S_OUT bit 1, DAP 4, DAC 5, ADC 6
        private const int SgtlAnaPower = 0x0030; // CHIP_ANA_POWER: LINEOUT bit 0, ADC bit 1, DAC bit 3, HP bit 4

        [TestMethod]
        public static void ReferenceBoardStandaloneRunsTheMonitorWithoutTheDacsAndAComputerBringsThemBack()
        {
            var board = new VirtualBoard(BoardDescription.Reference(), 3); // a charger: no computer
            var rig = new DeviceRig(board, "reference", null);
            board.SetInput("input-1", SineSource.AtDbfs(1000, -20));
            board.SetInput("input-2", SineSource.AtDbfs(1000, -20));
            rig.Boot();
            rig.Run(500);
            Assert.AreEqual((int)DeviceMode.Standalone, (int)rig.Device.Mode);

            CodecModel a = board.Codecs[0];
            CodecModel b = board.Codecs[1];
            Assert.AreEqual(0, a.Register(Wm8960Power2) & Wm8960Dacs, "codec A's DACs are off in standalone");
            Assert.AreEqual(0, b.Register(Wm8960Power2) & Wm8960Dacs, "codec B's DACs are off in standalone");
            Assert.AreEqual(Wm8960Adcs, a.Register(Wm8960Power1) & Wm8960Adcs, "codec A's ADCs feed the meters");
            Assert.AreEqual(0, b.Register(Wm8960Power1) & Wm8960Adcs, "codec B's ADC is never needed");
            Assert.AreEqual(Wm8960Inputs, b.Register(Wm8960Power1) & Wm8960Inputs, "the boost mixers carry the monitor");
            Assert.AreEqual(Wm8960Headphone, b.Register(Wm8960Power2) & Wm8960Headphone);
            double main = rig.ToneDb(0, true, 50);
            double second = rig.ToneDb(1, true, 50);
            OutputHelper.WriteLine("standalone monitor: main " + main.ToString("F1") + " dBFS, second " + second.ToString("F1") + " dBFS");
            Assert.IsTrue(main > -60, "the monitor is heard on the main jack");
            Assert.IsTrue(second > -60, "the monitor is heard on the second jack");
            Assert.AreEqual(0, rig.Pops(0, 0), rig.DescribePops());
            Assert.AreEqual(0, rig.Pops(1, 0), rig.DescribePops());

            double standaloneMa = board.Power.CurrentMilliamps;
            double codecsMa = a.CurrentMilliamps + b.CurrentMilliamps;

            // Every block asked for live (what the firmware powered before): the supply rises by
            // what standalone saves; then back, both without a pop under the running monitor.
            long since = rig.NowUs;
            SetBlocks(rig, CodecBlocks.All, CodecBlocks.All);
            rig.Run(300);
            Assert.AreEqual(Wm8960Dacs, a.Register(Wm8960Power2) & Wm8960Dacs);
            double allMa = board.Power.CurrentMilliamps;
            double allCodecsMa = a.CurrentMilliamps + b.CurrentMilliamps;
            SetBlocks(rig, CodecBlocks.Capture, CodecBlocks.None);
            rig.Run(300);
            Assert.AreEqual(0, a.Register(Wm8960Power2) & Wm8960Dacs);
            Assert.IsTrue(System.Math.Abs(rig.ToneDb(0, true, 50) - main) <= 0.1, "the monitor's level is the user's");
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
            Assert.AreEqual(0, rig.Pops(1, since), rig.DescribePops());

            // A computer arrives and plays: both codecs' DACs come up behind the mute.
            board.SetInput("input-1", SilenceSource.Instance);
            board.SetInput("input-2", SilenceSource.Instance);
            rig.Run(100);
            since = rig.NowUs;
            board.ConnectComputer();
            rig.Run(600); // enumeration
            board.Usb.StartPlayback(48000, SineSource.AtDbfs(1000, -12), SineSource.AtDbfs(1000, -12));
            rig.RunUntil(6000, true);
            rig.Run(300);
            Assert.AreEqual((int)DeviceMode.Usb, (int)rig.Device.Mode);
            Assert.AreEqual(Wm8960Dacs, a.Register(Wm8960Power2) & Wm8960Dacs, "codec A's DACs are on in USB mode");
            Assert.AreEqual(Wm8960Dacs, b.Register(Wm8960Power2) & Wm8960Dacs, "codec B's DACs are on in USB mode");
            Assert.AreEqual(Wm8960Adcs, a.Register(Wm8960Power1) & Wm8960Adcs, "codec A records");
            Assert.AreEqual(0, b.Register(Wm8960Power1) & Wm8960Adcs, "codec B's ADC is not connected");
            double playMain = rig.ToneDb(0, true, 50);
            double playSecond = rig.ToneDb(1, true, 50);
            OutputHelper.WriteLine("USB playback: main " + playMain.ToString("F1") + " dBFS, second " + playSecond.ToString("F1") + " dBFS");
            Assert.IsTrue(playMain > -60, "playback is heard on the main jack");
            Assert.IsTrue(playSecond > -60, "playback is heard on the second jack");
            double usbMa = board.Power.CurrentMilliamps;
            double usbCodecsMa = a.CurrentMilliamps + b.CurrentMilliamps;
            SetBlocks(rig, CodecBlocks.All, CodecBlocks.All); // before: codec B's ADC ran in USB mode too
            rig.Run(300);
            double usbAllMa = board.Power.CurrentMilliamps;
            SetBlocks(rig, CodecBlocks.Playback | CodecBlocks.Capture, CodecBlocks.Playback);
            rig.Run(300);
            Assert.IsTrue(System.Math.Abs(rig.ToneDb(0, true, 50) - playMain) <= 0.1, "playback at the user's level");
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
            Assert.AreEqual(0, rig.Pops(1, since), rig.DescribePops());

            // The computer leaves (the charger stays): standalone again, the DACs down again.
            board.Usb.StopPlayback();
            board.SetInput("input-1", SineSource.AtDbfs(1000, -20));
            board.SetInput("input-2", SineSource.AtDbfs(1000, -20));
            since = rig.NowUs;
            board.Usb.HostLeaves(); // the computer lets go; a charger takes over without an interruption
            board.ConnectCharger();
            rig.Run(1000);
            rig.RunUntil(6000, true);
            rig.Run(300);
            Assert.AreEqual((int)DeviceMode.Standalone, (int)rig.Device.Mode);
            Assert.AreEqual(0, a.Register(Wm8960Power2) & Wm8960Dacs);
            Assert.AreEqual(0, b.Register(Wm8960Power2) & Wm8960Dacs);
            Assert.IsTrue(System.Math.Abs(rig.ToneDb(0, true, 50) - main) <= 0.1, "the monitor comes back at the user's level");
            Assert.IsTrue(System.Math.Abs(rig.ToneDb(1, true, 50) - second) <= 0.1, "the second jack too");
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
            Assert.AreEqual(0, rig.Pops(1, since), rig.DescribePops());

            OutputHelper.WriteLine("reference board supply: standalone " + standaloneMa.ToString("F1") + " mA (codecs " + codecsMa.ToString("F2")
                + " mA), with every block powered " + allMa.ToString("F1") + " mA (codecs " + allCodecsMa.ToString("F2") + " mA), USB mode "
                + usbMa.ToString("F1") + " mA (codecs " + usbCodecsMa.ToString("F2") + " mA; " + usbAllMa.ToString("F1") + " mA with every block)");
            Assert.IsTrue(allMa - standaloneMa >= 5.0, "standalone saves the DACs' and codec B's ADC's current: " + (allMa - standaloneMa).ToString("F2") + " mA");
        }

        [TestMethod]
        public static void AComputerThatPlaysIsSilencedWithoutAPopWhenItsDacsAreNoLongerNeededLive()
        {
            // The driver's live path: blocks changed while On and playing. The DAC goes down behind
            // its soft mute, and comes back up and ramps out of it.
            var rig = new DeviceRig("reference", null);
            rig.PlayTone(-6);
            rig.Boot();
            rig.Run(200);
            double before = rig.ToneDb(0, true, 50);
            long since = rig.NowUs;
            SetBlocks(rig, CodecBlocks.Capture, CodecBlocks.None);
            rig.Run(400);
            double silenced = rig.ToneDb(0, true, 50);
            Assert.AreEqual(0, rig.Board.Codecs[0].Register(Wm8960Power2) & Wm8960Dacs);
            Assert.IsTrue(rig.Device.Codec(0).MuteSettled(rig.Board.Clock.NowMs), "the driver counts its DAC as settled (muted with its playback down)");
            SetBlocks(rig, CodecBlocks.All, CodecBlocks.Playback);
            rig.Run(400);
            double after = rig.ToneDb(0, true, 50);
            OutputHelper.WriteLine("playback " + before.ToString("F1") + " dBFS → DACs down " + silenced.ToString("F1") + " dBFS → back " + after.ToString("F1") + " dBFS");
            Assert.IsTrue(silenced < -100, "a powered-down DAC plays nothing");
            Assert.IsTrue(System.Math.Abs(after - before) <= 0.1, "back at the user's level");
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
            Assert.AreEqual(0, rig.Pops(1, since), rig.DescribePops());
        }

        [TestMethod]
        public static void PortableBoardStandaloneDropsTheI2sPortsNobodyUses()
        {
            var board = new VirtualBoard(BoardDescription.Portable(), 3);
            var rig = new DeviceRig(board, "portable", null);
            board.SetInput("line-left", SineSource.AtDbfs(1000, -20));
            board.SetInput("line-right", SineSource.AtDbfs(1000, -20));
            rig.Boot();
            rig.Run(500);
            Assert.AreEqual((int)DeviceMode.Standalone, (int)rig.Device.Mode);
            CodecModel a = board.Codecs[0];
            CodecModel b = board.Codecs[1];
            Assert.AreEqual(0x0002, a.Register(SgtlDigPower) & 0x0003, "codec A: I2S out (the meters), no I2S in");
            Assert.AreEqual(0x0000, b.Register(SgtlDigPower) & 0x0003, "codec B: neither I2S port");
            Assert.AreEqual(0x0070, b.Register(SgtlDigPower) & 0x0070, "ADC, DAP and DAC carry the monitor");
            Assert.AreEqual(0x001A, b.Register(SgtlAnaPower) & 0x001A);
            Assert.AreEqual(0, a.Register(SgtlAnaPower) & 0x0001, "codec A: LINEOUT_POWERUP clear (the board does not wire it)");
            Assert.AreEqual(0, b.Register(SgtlAnaPower) & 0x0001, "codec B: LINEOUT_POWERUP clear");
            double main = rig.ToneDb(0, true, 50);
            double second = rig.ToneDb(1, true, 50);
            Assert.IsTrue(main > -60 && second > -60, "the monitor is heard: " + main.ToString("F1") + " / " + second.ToString("F1") + " dBFS");
            double standaloneMa = board.Power.CurrentMilliamps;
            SetBlocks(rig, CodecBlocks.All, CodecBlocks.All);
            rig.Run(300);
            double allMa = board.Power.CurrentMilliamps;
            SetBlocks(rig, CodecBlocks.Capture, CodecBlocks.None);
            rig.Run(300);

            long since = rig.NowUs;
            board.ConnectComputer();
            rig.Run(600);
            rig.RunUntil(6000, true);
            rig.Run(300);
            Assert.AreEqual((int)DeviceMode.Usb, (int)rig.Device.Mode);
            Assert.AreEqual(0x0003, a.Register(SgtlDigPower) & 0x0003, "codec A: playback and capture");
            Assert.AreEqual(0x0001, b.Register(SgtlDigPower) & 0x0003, "codec B: playback only");
            double usbMa = board.Power.CurrentMilliamps;
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
            Assert.AreEqual(0, rig.Pops(1, since), rig.DescribePops());
            OutputHelper.WriteLine("portable board supply: standalone " + standaloneMa.ToString("F1") + " mA, with every block powered "
                + allMa.ToString("F1") + " mA, USB mode " + usbMa.ToString("F1") + " mA");
            Assert.IsTrue(allMa > standaloneMa, "standalone draws less");
        }

        [TestMethod]
        [DataRow("audiokit")]
        [DataRow("lyrat")]
        public static void OnTheDevBoardsTheEspPlaysSoStandaloneKeepsEveryBlock(string name)
        {
            var rig = new DeviceRig(name, null);
            rig.PlayTone(-12);
            rig.Boot();
            rig.Run(300);
            Assert.AreEqual((int)(CodecBlocks.Playback | CodecBlocks.Capture), (int)rig.Device.Codec(0).BlocksPowered);
            Assert.AreEqual(0, rig.Board.Codecs[0].Register(0x04) & 0xC0, "DACPOWER: PDNDACL/R clear");
            Assert.AreEqual(0, rig.Board.Codecs[0].Register(0x03) & 0x30, "ADCPOWER: PDNADCL/R clear");
            Assert.IsTrue(rig.ToneDb(0, true, 50) > -60, "the ESP32's playback is heard");
            OutputHelper.WriteLine(name + " supply in standalone: " + rig.Board.Power.CurrentMilliamps.ToString("F1") + " mA (unchanged: every block is needed)");
        }

        private static void SetBlocks(DeviceRig rig, CodecBlocks codecA, CodecBlocks codecB)
        {
            long now = rig.Board.Clock.NowMs;
            rig.Device.Codec(0).SetBlocksNeeded(codecA, now);
            rig.Device.Codec(1).SetBlocksNeeded(codecB, now);
        }
    }
}
