using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Sgtl5000;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Hal;
using InterfaceFirmware.UnitTests.Drivers;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Emulator
{
    /// <summary>
    /// The SGTL5000 model on its own terms: the 16-bit protocol and reset values, VAG's ramp
    /// times, the biquads' coefficient format and arithmetic (rendered and analytic), the AVC as a
    /// hard limiter, the DAP mixer, unmodelled modes reported, and the portable board's wiring.
    /// </summary>
    [TestClass]
    public class Sgtl5000ModelTests
    {
        [TestMethod]
        public static void ProtocolIs16BitAddressAnd16BitBigEndianDataWithLinuxResetValues()
        {
            var board = new VirtualBoard(BoardDescription.Portable(), 3);
            int address = board.Description.CodecAddress;
            Assert.AreEqual(0x0A, address);
            var buffer = new byte[2];
            Assert.AreEqual((int)I2cStatus.Ok, (int)board.Bus.WriteRead(address, new byte[] { 0x00, 0x00 }, 0, 2, buffer, 0, 2));
            Assert.AreEqual(0xA0, (int)buffer[0]); // PARTID
            board.Bus.WriteRead(address, new byte[] { 0x00, 0x30 }, 0, 2, buffer, 0, 2);
            Assert.AreEqual(0x7060, (buffer[0] << 8) | buffer[1]);
            Assert.AreEqual(0x020C, board.Sgtl5000.Register(Sgtl5000Model.RegAdcDacCtrl));
            Assert.AreEqual(0x0111, board.Sgtl5000.Register(Sgtl5000Model.RegAnaCtrl));
            Assert.AreEqual(0x5100, board.Sgtl5000.Register(Sgtl5000Model.RegDapAvcCtrl));

            board.Bus.Write(address, new byte[] { 0x00, 0x22, 0x12, 0x34 }, 0, 4);
            Assert.AreEqual(0x1234, board.Sgtl5000.Register(Sgtl5000Model.RegAnaHpCtrl));
            board.Bus.Write(address, new byte[] { 0x00, 0x22, 0x12, 0x34 }, 0, 4);
            Assert.AreEqual(1, board.Sgtl5000.RedundantWrites);
            board.Bus.Write(address, new byte[] { 0x00, 0x00, 0x12, 0x34 }, 0, 4); // CHIP_ID is read-only
            board.Bus.Write(address, new byte[] { 0x00, 0x23, 0x00, 0x01 }, 0, 4); // odd address
            Assert.AreEqual(2, board.Sgtl5000.ProtocolErrors.Count);
            Assert.AreEqual(Sgtl5000Model.ChipIdValue, board.Sgtl5000.Register(Sgtl5000Model.RegChipId));
            // Driver and model agree on every reset value.
            int[] driverResets = Sgtl5000Registers.ResetValues();
            var fresh = new Sgtl5000Model();
            for (int register = 2; register < Sgtl5000Registers.Count; register += 2)
            {
                Assert.AreEqual(driverResets[register], fresh.Register(register), "reset of 0x" + register.ToString("X4"));
            }
        }

        [TestMethod]
        public static void VagRampsOver200MsOr400MsWithSmallPop()
        {
            for (int pass = 0; pass < 2; pass++)
            {
                bool smallPop = pass == 1;
                var board = new VirtualBoard(BoardDescription.Portable(), 3);
                int address = board.Description.CodecAddress;
                board.Bus.Write(address, new byte[] { 0x00, 0x28, 0x01, (byte)(smallPop ? 0xF3 : 0xF2) }, 0, 4);
                board.Bus.Write(address, new byte[] { 0x00, 0x30, 0x40, 0xA0 }, 0, 4); // REFTOP + VAG
                double full = board.Sgtl5000.VagVolts / 1.41;
                int rampMs = smallPop ? 400 : 200;
                board.RunMs(rampMs / 2);
                Assert.IsTrue(System.Math.Abs(board.Sgtl5000.Vmid - full / 2) < 0.05 * full, "half way at half the ramp: " + board.Sgtl5000.Vmid.ToString("F3"));
                board.RunMs(rampMs / 2 + 10);
                Assert.IsTrue(board.Sgtl5000.VmidSettled);
                board.Bus.Write(address, new byte[] { 0x00, 0x30, 0x40, 0x20 }, 0, 4); // VAG off: ramps down
                board.RunMs(rampMs / 2);
                Assert.IsTrue(board.Sgtl5000.Vmid > 0.4 * full && board.Sgtl5000.Vmid < 0.6 * full);
            }
        }

        [TestMethod]
        public static void BiquadCoefficientsLoadAsTwentyBitPairsAndFilterAsDesigned()
        {
            var rig = new PortableDriverRig();
            // A peaking +6 dB at 1 kHz, Q 1, for 48 kHz (RBJ), quantized as Teensy calcBiquad does (1.0 = 2^18, a1/a2 negated).
            int[] q = DesignPeaking(1000, 6.0, 1.0, 48000);
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.WriteBiquad(0, q[0], q[1], q[2], q[3], q[4]));
            int[] negative = { -12345, 262143, -524288, 1, -1 };
            rig.Codec.WriteBiquad(1, negative[0], negative[1], negative[2], negative[3], negative[4]);
            for (int i = 0; i < 5; i++)
            {
                Assert.AreEqual(q[i], rig.Model.Coefficient(0, i));
                Assert.AreEqual(negative[i], rig.Model.Coefficient(1, i));
            }

            rig.Codec.WriteBiquad(1, 262144, 0, 0, 0, 0); // back to pass-through
            rig.Codec.SetParametricEq(2);
            Assert.AreEqual(2, rig.Model.PeqActiveCount);
            Assert.IsTrue(System.Math.Abs(rig.Model.PeqResponseDb(1000, 48000) - 6.0) < 0.01);
            Assert.IsTrue(System.Math.Abs(rig.Model.PeqResponseDb(20, 48000)) < 0.05);

            // Rendered: I2S → DAP → DAC → headphone, a −20 dBFS tone at 1 kHz comes out 6 dB up.
            rig.PlaySine(-20);
            rig.StartRecording();
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.Codec.RouteThroughDap(true);
            rig.PowerUp();
            rig.Codec.SetMuted(false, rig.Now);
            rig.Run(300);
            DriverTestHelpers.AssertLevel(-14.0, rig.LevelDb(rig.HeadphoneJack, true, 100), 0.05);
            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.Board.DescribePops());
        }

        [TestMethod]
        public static void TheAvcWithHardLimitHoldsPeaksAtItsThreshold()
        {
            var rig = new PortableDriverRig();
            rig.PlaySine(0);
            rig.StartRecording();
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.Codec.RouteThroughDap(true);
            // −12 dB threshold (Linux: 10^(dB/20)·0.636·2^15), hard limit, 0 dB max gain.
            int threshold = (int)(System.Math.Pow(10, -12 / 20.0) * 0.636 * 32768);
            rig.Board.Bus.Write(rig.Board.Description.CodecAddress, new byte[] { 0x01, 0x26, (byte)(threshold >> 8), (byte)threshold }, 0, 4);
            rig.Board.Bus.Write(rig.Board.Description.CodecAddress, new byte[] { 0x01, 0x24, 0x00, 0x21 }, 0, 4);
            rig.PowerUp();
            rig.Codec.SetMuted(false, rig.Now);
            rig.Run(2000);
            double peak = 0;
            SignalRecorder recorder = rig.HeadphoneJack.Recorder(true);
            long end = rig.Board.Audio.NextSample;
            for (long i = end - 4800; i < end; i++)
            {
                double v = System.Math.Abs(recorder.At(i));
                peak = v > peak ? v : peak;
            }

            OutputHelper.WriteLine("limited peak " + Decibels.ToDb(peak).ToString("F2") + " dBFS, AVC gain " + Decibels.ToDb(rig.Model.AvcGain(true)).ToString("F2") + " dB");
            Assert.IsTrue(Decibels.ToDb(peak) <= -12.0 + 0.1, "peak at or under the threshold");
            Assert.IsTrue(rig.Model.AvcGain(true) < 0.5, "the AVC turned the gain down");
        }

        [TestMethod]
        public static void DapMixerBlendsTheAdcIntoPlaybackAndGraphicEqIsReportedUnmodelled()
        {
            var rig = new PortableDriverRig();
            rig.Codec.RouteThroughDap(true);
            int address = rig.Board.Description.CodecAddress;
            rig.Board.Bus.Write(address, new byte[] { 0x01, 0x00, 0x00, 0x11 }, 0, 4); // DAP_EN + MIX_EN (mix select ADC at reset)
            rig.Board.Bus.Write(address, new byte[] { 0x01, 0x20, 0x40, 0x00 }, 0, 4); // main 50 %
            rig.Board.Bus.Write(address, new byte[] { 0x01, 0x22, 0x00, 0x00 }, 0, 4); // mix 0 for now
            Assert.AreEqual(0.5, Sgtl5000Model.DapChannelGain(rig.Model.Register(Sgtl5000Model.RegDapMainChan)));
            rig.PlaySine(-20);
            rig.StartRecording();
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.PowerUp();
            rig.Codec.SetMuted(false, rig.Now);
            rig.Run(300);
            DriverTestHelpers.AssertLevel(-26.02, rig.LevelDb(rig.HeadphoneJack, true, 100), 0.05);

            rig.Board.Bus.Write(address, new byte[] { 0x01, 0x08, 0x00, 0x03 }, 0, 4); // graphic EQ
            Assert.IsTrue(rig.Model.UnmodelledFeatures.Count > 0);
            Assert.IsTrue(((string)rig.Model.UnmodelledFeatures[0]).IndexOf("graphic") >= 0);
        }

        /// <summary>RBJ peaking filter quantized the chip's way (1.0 = 2^18, a1 and a2 negated), double math (test side).</summary>
        internal static int[] DesignPeaking(double hz, double gainDb, double q, double fs)
        {
            double a = System.Math.Pow(10, gainDb / 40);
            double w = 2 * System.Math.PI * hz / fs;
            double alpha = System.Math.Sin(w) / (2 * q);
            double cos = System.Math.Cos(w);
            double a0 = 1 + alpha / a;
            double scale = 262144.0 / a0;
            return new int[]
            {
                (int)System.Math.Round((1 + alpha * a) * scale),
                (int)System.Math.Round(-2 * cos * scale),
                (int)System.Math.Round((1 - alpha * a) * scale),
                (int)System.Math.Round(2 * cos * scale),
                (int)System.Math.Round(-(1 - alpha / a) * scale),
            };
        }
    }
}
