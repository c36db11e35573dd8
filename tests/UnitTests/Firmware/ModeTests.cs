using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Application;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Firmware.Modes;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    /// <summary>USB and standalone modes, rate changes from the computer, the power-bank keep-alive.</summary>
    [TestClass]
    public class ModeTests
    {
        [TestMethod]
        [DataRow(44100)]
        [DataRow(32000)]
        public static void ARateChangeFromTheComputerIsMutedAndComesBackAtTheSameLevel(int rate)
        {
            var rig = new DeviceRig("reference", null);
            rig.PlayTone(-6);
            rig.Boot();
            rig.Run(200);
            double before = rig.ToneDb(0, true, 50);
            double beforeSecond = rig.ToneDb(1, true, 50);
            long since = rig.NowUs;
            rig.Board.Usb.SetSampleRate(rate);

            int silentMs = MsUntilEveryOutputSilent(rig);

            OutputHelper.WriteLine("48000 → " + rate + " Hz: every output silent " + silentMs.ToString() + " ms after the announcement (notice " + rig.Board.Usb.ClockNoticeMs.ToString() + " ms)");
            Assert.IsTrue(silentMs + 2 * InterfaceDevice.TickMs <= rig.Board.Usb.ClockNoticeMs, "silent " + silentMs.ToString() + " ms after the announcement: less than two ticks to spare");
            rig.Run(rig.Board.Usb.ClockNoticeMs + 50 - silentMs);
            rig.RunUntil(5000, true);
            rig.Run(200);
            double after = rig.ToneDb(0, true, 50);
            OutputHelper.WriteLine("48000 → " + rate + " Hz: " + before.ToString("F2") + " → " + after.ToString("F2") + " dBFS, " + (rig.Board.Clock.NowUs - since) / 1000 + " ms");
            Assert.AreEqual(rate, rig.Device.SampleRate);
            Assert.IsNull(rig.Board.Wm8960.ClockProblem);
            Assert.IsTrue(System.Math.Abs(after - before) <= 0.1, "level after " + after.ToString("F2"));
            Assert.IsTrue(System.Math.Abs(rig.ToneDb(1, true, 50) - beforeSecond) <= 0.1, "second jack");
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
            Assert.AreEqual(0, rig.Pops(1, since), rig.DescribePops());
        }

        [TestMethod]
        public static void ARateTheCodecsCannotMakeKeepsTheJacksSilentUntilOneTheyCan()
        {
            // 16 kHz at 256·fs is a 4.096 MHz MCLK: the WM8960 makes its SYSCLK from 11.2896 or
            // 12.288 MHz only (its PLL needs a faster reference). Powered on with the old dividers
            // it would play at the wrong rate; it stays in standby instead, its jacks silent.
            var rig = new DeviceRig("reference", null);
            rig.PlayTone(-6);
            rig.Boot();
            rig.Run(200);
            double before = rig.ToneDb(0, true, 50);
            long since = rig.NowUs;
            rig.Board.Usb.SetSampleRate(16000);
            rig.Run(rig.Board.Usb.ClockNoticeMs + 2000);
            double silent = 0;
            for (int j = 0; j < 2; j++)
            {
                SignalRecorder recorder = rig.Jack(j).Recorder(true);
                long end = recorder.FirstSample + recorder.Length;
                double peak = Decibels.ToDb(recorder.Peak(end - 48 * 500, end));
                silent = peak > silent || j == 0 ? peak : silent;
            }

            OutputHelper.WriteLine("at 16 kHz: both jacks at most " + silent.ToString("F1") + " dBFS");
            Assert.IsTrue(silent <= -100, "a jack plays at a rate its codec was not clocked for: " + silent.ToString("F1") + " dBFS");
            Assert.Contains("cannot be clocked at 16000 Hz", rig.LogText());
            Assert.Contains("at 16000 Hz (a rate the codecs cannot make: silent until the next rate change)", rig.LogText());
            Assert.IsFalse(rig.Device.State.Fault, "not a fault: the chips answer");

            rig.Board.Usb.SetSampleRate(48000);
            rig.Run(rig.Board.Usb.ClockNoticeMs + 50);
            rig.RunUntil(5000, true);
            rig.Run(200);
            double after = rig.ToneDb(0, true, 50);
            OutputHelper.WriteLine("back at 48 kHz: " + before.ToString("F2") + " → " + after.ToString("F2") + " dBFS");
            Assert.IsTrue(System.Math.Abs(after - before) <= 0.1, "level after " + after.ToString("F2"));
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
            Assert.AreEqual(0, rig.Pops(1, since), rig.DescribePops());
        }

        [TestMethod]
        public static void OnAChargerWithoutAComputerTheDeviceGoesStandaloneAfterTheGraceTime()
        {
            var board = new VirtualBoard(BoardDescription.Reference(), 3); // a charger: 5 V, no host
            var rig = new DeviceRig(board, "reference", null);
            rig.Board.SetInput("input-1", SineSource.AtDbfs(1000, -20));
            rig.Board.SetInput("input-2", SineSource.AtDbfs(1000, -20));
            rig.Boot();
            rig.Run(200);
            Assert.AreEqual((int)DeviceMode.Standalone, (int)rig.Device.Mode);
            Assert.IsTrue(rig.Board.CodecClock.Running, "the ESP32 clocks the codec");
            Assert.IsTrue(rig.ToneDb(0, true, 50) > -60, "the inputs are heard on the main jack");
            Assert.AreEqual(0, rig.Pops(0, 0), rig.DescribePops());
            Assert.IsFalse(rig.Device.KeepAlive.Active, "a charger needs no keep-alive");
        }

        [TestMethod]
        public static void AComputerThatArrivesLaterTakesOverTheClocksWithoutAPop()
        {
            var board = new VirtualBoard(BoardDescription.Reference(), 3);
            var rig = new DeviceRig(board, "reference", null);
            rig.Board.SetInput("input-1", SineSource.AtDbfs(1000, -20));
            rig.Boot();
            rig.Run(500);
            long since = rig.NowUs;
            rig.Board.ConnectComputer();
            rig.Run(600);
            rig.RunUntil(5000, true);
            rig.Run(200);
            Assert.AreEqual((int)DeviceMode.Usb, (int)rig.Device.Mode);
            Assert.IsFalse(rig.Board.CodecClock.Running);
            Assert.IsTrue(rig.ToneDb(0, true, 50) > -60);
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
        }

        [TestMethod]
        public static void APowerBankStaysOnForAnHourWithTheKeepAliveAndSwitchesOffWithoutIt()
        {
            bool[] enabled = { true, false };
            for (int k = 0; k < 2; k++)
            {
                var board = new VirtualBoard(BoardDescription.Reference(), 5);
                board.Power.BankThresholdMilliamps = 100; // a bank that cuts under 100 mA: the board draws less
                board.ConnectPowerBank();
                var settings = new Settings(2);
                settings.KeepAliveEnabled = enabled[k];
                var rig = new DeviceRig(board, "reference", settings);
                rig.Boot();
                board.Audio.Rendering = false; // control only: an hour of virtual time
                long offAtMs = -1;
                for (int s = 0; s < 3600 && offAtMs < 0; s++)
                {
                    board.RunMs(1000);
                    if (!board.Power.OutputOn)
                    {
                        offAtMs = board.Clock.NowMs;
                    }
                }

                OutputHelper.WriteLine("board draw " + board.Power.CurrentMilliamps.ToString("F0") + " mA; keep-alive " + (enabled[k] ? "on" : "off") + ": " + (offAtMs < 0 ? "bank on after an hour" : "bank off at " + offAtMs + " ms")
                    + ", " + rig.Device.KeepAlive.Pulses + " pulses");
                if (enabled[k])
                {
                    Assert.AreEqual(-1L, offAtMs, "the bank switched off");
                    Assert.IsTrue(rig.Device.KeepAlive.Pulses >= 3600 * 1000 / Settings.DefaultKeepAlivePeriodMs - 1);
                }
                else
                {
                    Assert.IsTrue(offAtMs > 0 && offAtMs < 60000, "without the keep-alive the bank switches off within a minute");
                }
            }
        }

        [TestMethod]
        [DataRow(-3000)]
        [DataRow(-600)]
        [DataRow(600)]
        public static void ARateChangeFromTheComputerSilencesEveryOutputBeforeTheClocksChangeAtAnyLevel(int levelCentiDb)
        {
            // The monitor open, the level up to the range's top: the codec ramps its headphone volume
            // down a chip step every 5 ms (with the monitor live it cannot jump), which must end, and
            // the mute code land, within the bridge's 300 ms notice (at 10 ms steps it did not from
            // -10 dB up).
            var settings = new Settings(2);
            settings.Jacks[0].LevelCentiDb = levelCentiDb;
            settings.Jacks[0].UserMaxCentiDb = 600;
            settings.BootCapCentiDb = 600;
            settings.Monitor = MonitorMode.Stereo;
            var rig = new DeviceRig("reference", settings);
            rig.PlayTone(-6);
            rig.Boot();
            rig.Run(300);
            long since = rig.NowUs;
            rig.Board.Usb.SetSampleRate(44100);
            int silentMs = MsUntilEveryOutputSilent(rig);

            rig.Run(rig.Board.Usb.ClockNoticeMs + 100 - silentMs);
            OutputHelper.WriteLine("level " + (levelCentiDb / 100).ToString() + " dB: every output silent " + silentMs.ToString() + " ms after the announcement");
            Assert.IsTrue(silentMs + 2 * InterfaceDevice.TickMs <= rig.Board.Usb.ClockNoticeMs, "silent " + silentMs.ToString() + " ms after the announcement");
            Assert.AreEqual(0, rig.Pops(0, since), rig.DescribePops());
        }

        // Every output silent (the chip's own judgement: driver off or volume at mute) before the
        // bridge switches the clocks: the notice (300 ms) is what the whole mute path has (the DAC's
        // soft mute and the headphone volume's ramp to mute, its last code latched at a zero
        // crossing or the chip's timeout). Ms from now, tick by tick, up to the notice.
        private static int MsUntilEveryOutputSilent(DeviceRig rig)
        {
            int ms = 0;
            while (ms < rig.Board.Usb.ClockNoticeMs && AnyOutputLive(rig))
            {
                rig.Run(InterfaceDevice.TickMs);
                ms += InterfaceDevice.TickMs;
            }

            return ms;
        }

        private static bool AnyOutputLive(DeviceRig rig)
        {
            for (int i = 0; i < rig.Board.Codecs.Length; i++)
            {
                if (rig.Board.Codecs[i].OutputsLive)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
