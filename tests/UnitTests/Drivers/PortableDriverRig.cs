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
    internal sealed class PortableDriverRig : CodecAmplifierRig
    {
        public readonly Sgtl5000Codec Codec;

        public PortableDriverRig()
            : base(new VirtualBoard(OneCodec(), 33))
        {
            Codec = new Sgtl5000Codec(Board.Bus, Board.Description.CodecAddress, Board.Log);
            Assert.AreEqual((int)DriverStatus.Ok, (int)Codec.Start(Now));
            var amplifier = new Tpa6130a2Amplifier(Board.Bus, Board.Description.AmplifierAddress, Board.AmplifierShutdown, Board.Log);
            Attach(Codec, amplifier);
            Assert.AreEqual((int)DriverStatus.Ok, (int)amplifier.Start(Now));
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

        public void PowerUp()
        {
            Assert.AreEqual((int)DriverStatus.Ok, (int)Codec.SetFormat(24, InterfaceFormat.I2s));
            Assert.AreEqual((int)DriverStatus.Ok, (int)Codec.ConfigureClocks(48000, 12288000));
            Assert.AreEqual((int)DriverStatus.Ok, (int)Codec.RequestPowerState(CodecPowerState.On, Now));
            RunUntilIdle(5000);
            Assert.AreEqual((int)CodecPowerState.On, (int)Codec.PowerState);
        }

        public void StartRecording()
        {
            RecordFromNow(HeadphoneJack);
        }

        /// <summary>Redundant writes since the driver started (Start itself reads first and writes only what differs).</summary>
        public int RedundantWritesSinceStart
        {
            get { return Board.Bus.RedundantWriteCount - StartRedundantWrites; }
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
    }
}
