using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Sgtl5000;
using InterfaceFirmware.Drivers.Tpa6130a2;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.UnitTests.Emulator;
using nanoFramework.TestFramework;
using static InterfaceFirmware.UnitTests.Drivers.DriverTestHelpers;

namespace InterfaceFirmware.UnitTests.Drivers
{
    /// <summary>
    /// The portable board's bus, pins and USB bridge with a computer attached (MCLK 12.288 MHz,
    /// 48 kHz from the bridge), one SGTL5000 and the TPA6130A2 on it, their drivers ticked every
    /// <see cref="DriverTestHelpers.TickMs"/>. The SGTL5000 is wired as the board's codec B (its
    /// headphone output straight to the second jack) but alone and at 0x0A, its ADC on the tap;
    /// its line out reaches the main jack through the TPA6130A2 (a wiring the emulator supports:
    /// the board itself feeds the amplifier from codec A's headphone output), which stays shut
    /// down unless a test enables it. The firmware's tests run the whole board.
    /// </summary>
    internal sealed class PortableDriverRig
    {
        public readonly VirtualBoard Board;
        public readonly Sgtl5000Codec Codec;
        public readonly Tpa6130a2Amplifier Amplifier;
        private readonly int[] _capture = new int[2 * 4096];
        private int _captureFrames;
        private long _recordFrom = -1;

        public PortableDriverRig()
        {
            Board = new VirtualBoard(OneCodec(), 33);
            Board.ConnectComputer();
            Board.RunMs(500); // enumeration: the bridge now clocks the codec
            Board.Bus.LogEnabled = true;
            Codec = new Sgtl5000Codec(Board.Bus, Board.Description.CodecAddress, Board.Log);
            Assert.AreEqual((int)DriverStatus.Ok, (int)Codec.Start(Now));
            Amplifier = new Tpa6130a2Amplifier(Board.Bus, Board.Description.AmplifierAddress, Board.AmplifierShutdown, Board.Log);
            Assert.AreEqual((int)DriverStatus.Ok, (int)Amplifier.Start(Now));
            StartRedundantWrites = Board.Bus.RedundantWriteCount;
        }

        private static BoardDescription OneCodec()
        {
            BoardDescription board = BoardDescription.Portable();
            var codec = new CodecDescription("SGTL5000", CodecKind.Sgtl5000, 0x0A, JackRole.Second, true);
            codec.LineOutFeedsAmplifier = true;
            board.Codecs = new CodecDescription[] { codec };
            return board;
        }

        /// <summary>Redundant writes the model counted by the end of <see cref="Sgtl5000Codec.Start"/>.</summary>
        public readonly int StartRedundantWrites;

        public Sgtl5000Model Model
        {
            get { return Board.Sgtl5000; }
        }

        /// <summary>The SGTL5000's own headphone jack.</summary>
        public HeadphoneOutput HeadphoneJack
        {
            get { return Board.SecondJack; }
        }

        public long Now
        {
            get { return Board.Clock.NowMs; }
        }

        public void Run(int ms)
        {
            for (int elapsed = 0; elapsed < ms; elapsed += TickMs)
            {
                Codec.Tick(Now);
                Amplifier.Tick(Now);
                Board.RunMs(TickMs);
            }
        }

        public int RunUntilIdle(int limitMs)
        {
            int elapsed = 0;
            while (Codec.Busy || Amplifier.Busy)
            {
                Assert.IsTrue(elapsed < limitMs, "a driver is still busy after " + limitMs.ToString() + " ms");
                Run(TickMs);
                elapsed += TickMs;
            }

            return elapsed;
        }

        public void PowerUp()
        {
            Assert.AreEqual((int)DriverStatus.Ok, (int)Codec.SetFormat(24, InterfaceFormat.I2s));
            Assert.AreEqual((int)DriverStatus.Ok, (int)Codec.ConfigureClocks(48000, 12288000));
            Assert.AreEqual((int)DriverStatus.Ok, (int)Codec.RequestPowerState(CodecPowerState.On, Now));
            RunUntilIdle(5000);
            Assert.AreEqual((int)CodecPowerState.On, (int)Codec.PowerState);
        }

        public void PowerDown()
        {
            Assert.AreEqual((int)DriverStatus.Ok, (int)Codec.RequestPowerState(CodecPowerState.Off, Now));
            RunUntilIdle(5000);
            Assert.AreEqual((int)CodecPowerState.Off, (int)Codec.PowerState);
        }

        public void PlaySine(double dbfs)
        {
            Board.Usb.StartPlayback(48000, SineSource.AtDbfs(1000, dbfs), SineSource.AtDbfs(1000, dbfs));
        }

        public void StartRecording()
        {
            HeadphoneJack.Record(true);
            Board.MainJack.Record(true);
            _recordFrom = Board.Audio.NextSample;
        }

        /// <summary>Redundant writes since the driver started (Start itself reads first and writes only what differs).</summary>
        public int RedundantWritesSinceStart
        {
            get { return Board.Bus.RedundantWriteCount - StartRedundantWrites; }
        }

        /// <summary>The 1 kHz level (dB re full scale) at a jack over the last <paramref name="ms"/>.</summary>
        public double LevelDb(HeadphoneOutput jack, bool left, int ms)
        {
            return DriverTestHelpers.JackLevelDb(Board, _recordFrom, jack, left, ms);
        }

        /// <summary>The capture's 1 kHz level (dBFS) over the newest <paramref name="frames"/> frames the ADC tap delivered.</summary>
        public double CaptureLevelDb(bool left, int frames)
        {
            if (Board.AdcTap.AvailableFrames >= frames)
            {
                _captureFrames = Board.AdcTap.ReadFrames(_capture, 0, 4096);
            }

            return DriverTestHelpers.CaptureLevelDb(_capture, _captureFrames, left, frames);
        }

        public int LogMark
        {
            get { return Board.Bus.Log.Count; }
        }

        /// <summary>The codec writes since <paramref name="mark"/>, each as address · 0x10000 + value.</summary>
        public int[] CodecWritesSinceMark(int mark)
        {
            int n = 0;
            for (int pass = 0; pass < 2; pass++)
            {
                int[] writes = pass == 0 ? null : new int[n];
                n = 0;
                for (int i = mark; i < Board.Bus.Log.Count; i++)
                {
                    var t = (I2cTransaction)Board.Bus.Log[i];
                    if (t.Address == Board.Description.CodecAddress && t.Operation == I2cOperation.Write && t.Written.Length == 4)
                    {
                        if (writes != null)
                        {
                            writes[n] = (((t.Written[0] << 8) | t.Written[1]) << 16) | (t.Written[2] << 8) | t.Written[3];
                        }

                        n++;
                    }
                }

                if (writes != null)
                {
                    return writes;
                }
            }

            return null;
        }

        /// <summary>Pop events at outputs whose name starts with <paramref name="output"/>, at or after <paramref name="sinceUs"/>.</summary>
        public int Pops(string output, long sinceUs)
        {
            return ReferenceBoardRig.CountPops(Board, output, sinceUs);
        }
    }
}
