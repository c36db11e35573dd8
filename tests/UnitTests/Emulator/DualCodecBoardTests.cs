using System;
using InterfaceFirmware.Emulator;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Emulator
{
    /// <summary>
    /// The reference board's two WM8960s: codec A at 0x1A feeds the TPA6130A2 and the main jack,
    /// codec B at 0x5A (behind the LTC4316) feeds the second jack. Both take the same I2S playback
    /// and the same inputs; each jack follows only its own codec.
    /// </summary>
    [TestClass]
    public class DualCodecBoardTests
    {
        private const int CodecA = 0;
        private const int CodecB = 1;

        [TestMethod]
        public static void TheReferenceBoardCarriesTwoWm8960sAtDistinctAddresses()
        {
            var board = new VirtualBoard(BoardDescription.Reference(), 5);
            Assert.AreEqual(2, board.Codecs.Length);
            Assert.AreEqual(0x1A, board.Codecs[CodecA].Address);
            Assert.AreEqual(0x5A, board.Codecs[CodecB].Address, "LTC4316: 0x1A XOR 0x40");
            Assert.IsTrue(board.Codecs[CodecB] is Wm8960Model);
            Assert.IsTrue(board.Wm8960 == board.Codecs[CodecA], "board.Wm8960 is codec A");
            Assert.IsTrue(board.Codecs[CodecA].Name != board.Codecs[CodecB].Name, "each codec has its own name in the bus log");
            Assert.IsTrue(board.CodecOutput(CodecB) == board.SecondJack);
            Assert.IsFalse(board.CodecOutput(CodecA) == board.MainJack, "codec A reaches the main jack through the amplifier");
        }

        [TestMethod]
        public static void BothCodecsRenderTheSamePlayback()
        {
            var rig = new ReferenceBoardRig();
            rig.PlayThroughBothJacks(-10);
            HeadphoneOutput a = rig.Board.CodecOutput(CodecA);
            HeadphoneOutput b = rig.Board.SecondJack;
            a.Record(true);
            b.Record(true);
            rig.Board.RunMs(200);

            for (int ch = 0; ch < 2; ch++)
            {
                SignalRecorder fromA = a.Recorder(ch == 0);
                SignalRecorder fromB = b.Recorder(ch == 0);
                long from = fromA.FirstSample;
                long to = from + 9600;
                Assert.IsTrue(Math.Abs(fromA.SineLevelDb(from, to) - (-10.0)) < 0.05, fromA.SineLevelDb(from, to).ToString());
                for (long s = from; s < to; s++)
                {
                    Assert.AreEqual(fromA.At(s), fromB.At(s), "sample " + s.ToString());
                }
            }
        }

        [TestMethod]
        public static void CodecBWritesDoNotAffectCodecA()
        {
            var rig = new ReferenceBoardRig();
            VirtualBoard board = rig.Board;
            board.Bus.LogEnabled = true;
            board.Bus.ClearLog();
            rig.WriteCodec(CodecB, Wm8960Model.RegPowerManagement1, 0x0C0);
            rig.WriteCodec(CodecB, Wm8960Model.RegPowerManagement2, 0x1E0);
            rig.WriteCodec(CodecB, Wm8960Model.RegLeftOut1Volume, 0x179);
            rig.WriteCodec(CodecB, Wm8960Model.RegAdcDacControl1, 0x000);

            Wm8960Model a = board.Wm8960;
            Wm8960Model b = (Wm8960Model)board.Codecs[CodecB];
            for (int r = 0; r < Wm8960Model.RegisterCount; r++)
            {
                Assert.AreEqual(Wm8960Model.ResetValue(r, a.InputVolumeResetValue), a.Register(r), "codec A register " + r.ToString());
            }

            Assert.AreEqual(0, a.WriteCount);
            Assert.AreEqual(4, b.WriteCount);
            Assert.AreEqual(0x1E0, b.Register(Wm8960Model.RegPowerManagement2));
            foreach (I2cTransaction t in board.Bus.Log)
            {
                Assert.AreEqual(0x5A, t.Address);
                Assert.AreEqual(b.Name, t.Device, "the bus log names codec B");
            }
        }

        [TestMethod]
        public static void EachJackFollowsItsOwnCodec()
        {
            var rig = new ReferenceBoardRig();
            rig.PlayThroughBothJacks(-10);

            // Codec B's headphone volume 20 dB down: only the second jack follows.
            rig.WriteCodec(CodecB, Wm8960Model.RegLeftOut1Volume, 0x0E5);
            rig.WriteCodec(CodecB, Wm8960Model.RegRightOut1Volume, 0x1E5);
            rig.Board.RunMs(100);
            Assert.IsTrue(Math.Abs(Level(rig, rig.Board.SecondJack) - (-30.0)) < 0.05, "second jack follows codec B");
            Assert.IsTrue(Math.Abs(Level(rig, rig.Board.MainJack) - (-12.1)) < 0.05, "main jack unchanged: −10 dBFS, TPA −2.1 dB");

            // Codec A soft-muted: the main jack goes quiet, the second jack plays on.
            rig.WriteCodec(CodecA, Wm8960Model.RegAdcDacControl1, Wm8960Model.AdcDac1DacMute);
            rig.Board.RunMs(300);
            Assert.IsTrue(Level(rig, rig.Board.MainJack) < -100, "main jack follows codec A");
            Assert.IsTrue(Math.Abs(Level(rig, rig.Board.SecondJack) - (-30.0)) < 0.05, "second jack unchanged");
            Assert.AreEqual(0, rig.Pops("main", 0), rig.Board.DescribePops());
        }

        [TestMethod]
        public static void AnUndrivenCodecBLeavesTheSecondJackSilent()
        {
            var rig = new ReferenceBoardRig();
            rig.PlaySine(-10);
            rig.Board.SetInput("input-1", SineSource.AtDbfs(1000, -20));
            rig.WriteCodec(CodecA, Wm8960Model.RegAntiPop1, 0x09C);
            rig.WriteCodec(CodecA, Wm8960Model.RegPowerManagement1, 0x080);
            rig.Board.RunMs(1200);
            rig.WriteCodec(CodecA, Wm8960Model.RegPowerManagement1, 0x0C0);
            rig.WriteCodec(CodecA, Wm8960Model.RegAntiPop1, 0x008);
            rig.WriteCodec(CodecA, Wm8960Model.RegPowerManagement3, 0x00C);
            rig.WriteCodec(CodecA, Wm8960Model.RegLeftOut1Volume, 0x079);
            rig.WriteCodec(CodecA, Wm8960Model.RegRightOut1Volume, 0x179);
            rig.WriteCodec(CodecA, Wm8960Model.RegLeftOutMix, 0x100);
            rig.WriteCodec(CodecA, Wm8960Model.RegRightOutMix, 0x100);
            rig.WriteCodec(CodecA, Wm8960Model.RegPowerManagement2, 0x1E0);
            rig.WriteCodec(CodecA, Wm8960Model.RegAdcDacControl1, 0x000);
            rig.Board.RunMs(500);

            Assert.IsTrue(Math.Abs(Level(rig, rig.Board.CodecOutput(CodecA)) - (-10.0)) < 0.05, "codec A plays");
            Assert.IsTrue(Level(rig, rig.Board.SecondJack) < -120, "codec B at reset: nothing on the second jack");
            Assert.AreEqual(0.0, rig.Board.Codecs[CodecB].Vmid, "codec B unbiased");
            Assert.IsTrue(rig.Board.Codecs[CodecB].CurrentMilliamps > 0, "a clocked codec at reset still draws current");
        }

        // Sine level of a jack's left channel over the next 100 ms.
        private static double Level(ReferenceBoardRig rig, HeadphoneOutput jack)
        {
            jack.Record(true);
            SignalRecorder recorder = jack.Recorder(true);
            recorder.Clear();
            rig.Board.RunMs(100);
            long from = recorder.FirstSample;
            double level = recorder.SineLevelDb(from, from + 4800);
            jack.Record(false);
            return level;
        }
    }
}
