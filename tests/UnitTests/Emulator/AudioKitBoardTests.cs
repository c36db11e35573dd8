using System;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Emulator
{
    /// <summary>The AI-Thinker audio kit: ES8388 clocked by the ESP32, line input monitored through the analogue bypass.</summary>
    [TestClass]
    public class AudioKitBoardTests
    {
        private static void Write(VirtualBoard board, int register, int value)
        {
            Assert.AreEqual((int)I2cStatus.Ok, (int)board.Bus.Write(0x10, new byte[] { (byte)register, (byte)value }, 0, 2));
        }

        [TestMethod]
        public static void TheBoardIsWiredAsDescribed()
        {
            var board = new VirtualBoard(BoardDescription.AudioKit(), 2);
            Assert.IsNotNull(board.Es8388);
            Assert.IsNull(board.Amplifier);
            Assert.AreEqual(0x10, board.Es8388.Address);
            Assert.AreEqual(39, board.JackDetect.Pin);
            Assert.AreEqual(36, board.ButtonInput("key1").Pin);
            Assert.IsTrue(board.ButtonInput("key1").Read(), "released buttons read high (pull-ups)");
            Assert.IsFalse(board.LedOn("d4"));
        }

        [TestMethod]
        public static void AMonoInputReachesBothEarsThroughTheCrossFeed()
        {
            var board = new VirtualBoard(BoardDescription.AudioKit(), 2);
            board.SetInput("line-left", SineSource.AtDbfs(1000, -20));
            Assert.IsTrue(board.CodecClock.Start(48000, 256));
            Write(board, 0x08, 0x00); // slave: the ESP32 is the I2S master
            Write(board, 0x18, 0x02); // DAC at MCLK/256
            Write(board, 0x0D, 0x02); // ADC at MCLK/256
            Write(board, 0x01, 0x50); // analogue section on
            Write(board, 0x02, 0x00); // chip power on
            Write(board, 0x00, 0x12); // VMID 50 kΩ
            Write(board, 0x26, 0x09); // bypass sources LIN2 / RIN2
            Write(board, 0x27, 0x50); // LI2LO at 0 dB
            Write(board, 0x29, 0x60); // LI2RO (left into the right mixer) at −6 dB
            Write(board, 0x04, 0x30); // LOUT1 / ROUT1 on
            Write(board, 0x2E, 0x1E); // 0 dB
            Write(board, 0x2F, 0x1E);
            board.RunMs(1500);
            Assert.IsNull(board.Es8388.ClockProblem, board.Es8388.ClockProblem);

            board.MainJack.Record(true);
            board.RunMs(500);
            SignalRecorder left = board.MainJack.Recorder(true);
            SignalRecorder right = board.MainJack.Recorder(false);
            long from = left.FirstSample;
            Assert.IsTrue(Math.Abs(left.SineLevelDb(from, from + 24000) - (-20.0)) < 0.05, left.SineLevelDb(from, from + 24000).ToString());
            Assert.IsTrue(Math.Abs(right.SineLevelDb(from, from + 24000) - (-26.0)) < 0.05, right.SineLevelDb(from, from + 24000).ToString());
        }

        [TestMethod]
        public static void TwoI2sMastersAreAClockProblemUntilTheCodecIsSlave()
        {
            var board = new VirtualBoard(BoardDescription.AudioKit(), 2);
            board.CodecClock.Start(48000, 256);
            board.RunMs(1);
            Assert.IsNotNull(board.Es8388.ClockProblem, "the ES8388 comes out of reset as master");

            Write(board, 0x08, 0x00);
            Write(board, 0x18, 0x02);
            board.RunMs(1);
            Assert.IsNull(board.Es8388.ClockProblem, board.Es8388.ClockProblem);
        }

        [TestMethod]
        public static void TheAdcTapRunsAtTheFrameRateOfTheI2sMaster()
        {
            var board = new VirtualBoard(BoardDescription.AudioKit(), 3);
            board.RunMs(10);
            Assert.AreEqual(0, board.AdcTap.SampleRate, "no clock, no frames");
            board.CodecClock.Start(44100, 256);
            board.RunMs(10);
            Assert.AreEqual(44100, board.AdcTap.SampleRate, "the ESP32 takes frames at LRCLK, whatever the codec's registers say");
            board.CodecClock.Stop();
            board.RunMs(10);
            Assert.AreEqual(0, board.AdcTap.SampleRate);
        }
    }
}
