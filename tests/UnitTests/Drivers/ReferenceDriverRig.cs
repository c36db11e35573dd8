using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Tpa6130a2;
using InterfaceFirmware.Drivers.Wm8960;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.UnitTests.Emulator;
using nanoFramework.TestFramework;
using static InterfaceFirmware.UnitTests.Drivers.DriverTestHelpers;

namespace InterfaceFirmware.UnitTests.Drivers
{
    /// <summary>
    /// The reference board with a computer attached (MCLK 12.288 MHz, 48 kHz from the USB bridge)
    /// and the WM8960 and TPA6130A2 drivers on its bus, ticked every <see cref="DriverTestHelpers.TickMs"/> as the
    /// control loop would. Codec A's output probe ("codec-a", <see cref="VirtualBoard.CodecOutput"/>) is where its output is
    /// heard; the main jack sits behind the TPA6130A2, which stays shut down (SD low) unless a
    /// test enables it.
    /// </summary>
    internal sealed class ReferenceDriverRig : CodecAmplifierRig
    {
        public readonly Wm8960Codec Codec;

        public ReferenceDriverRig()
            : this(false)
        {
        }

        /// <param name="takeCharge">The drivers take charge of the chips (<see cref="Wm8960Codec.TakeCharge"/>, heading for Standby) instead of starting them.</param>
        public ReferenceDriverRig(bool takeCharge)
            : base(new VirtualBoard(BoardDescription.Reference(), 21))
        {
            Codec = new Wm8960Codec(Board.Bus, Board.Description.CodecAddress, Board.Log);
            Assert.AreEqual((int)DriverStatus.Ok, (int)(takeCharge ? Codec.TakeCharge(Now) : Codec.Start(Now)));
            var amplifier = new Tpa6130a2Amplifier(Board.Bus, Board.Description.AmplifierAddress, Board.AmplifierShutdown, Board.Log);
            Attach(Codec, amplifier);
            Assert.AreEqual((int)DriverStatus.Ok, (int)(takeCharge ? amplifier.TakeCharge(Now) : amplifier.Start(Now)));
        }

        /// <summary>Clocks for 48 kHz from the bridge's 12.288 MHz MCLK, then On, settled.</summary>
        public void PowerUp()
        {
            Assert.AreEqual((int)DriverStatus.Ok, (int)Codec.ConfigureClocks(48000, 12288000));
            Assert.AreEqual((int)DriverStatus.Ok, (int)Codec.RequestPowerState(CodecPowerState.On, Now));
            RunUntilIdle(5000);
            Assert.AreEqual((int)CodecPowerState.On, (int)Codec.PowerState);
        }

        /// <summary>Starts recording both jacks from now on.</summary>
        public void StartRecording()
        {
            RecordFromNow(Board.CodecOutput(0));
        }

        /// <summary>The codec writes since <paramref name="mark"/>, decoded as register · 0x1000 + 9-bit value.</summary>
        public int[] CodecWritesSinceMark(int mark)
        {
            var writes = new int[CodecWritesSince(mark)];
            int n = 0;
            for (int i = mark; i < Board.Bus.Log.Count; i++)
            {
                var t = (I2cTransaction)Board.Bus.Log[i];
                if (t.Address == Board.Description.CodecAddress && t.Operation == I2cOperation.Write)
                {
                    int register = t.Written[0] >> 1;
                    int value = ((t.Written[0] & 1) << 8) | t.Written[1];
                    writes[n++] = register * 0x1000 + value;
                }
            }

            return writes;
        }

        /// <summary>Bus writes to the codec at or after <paramref name="fromIndex"/> in the bus log.</summary>
        public int CodecWritesSince(int fromIndex)
        {
            return WritesSince(fromIndex, Board.Description.CodecAddress);
        }

        /// <summary>Bus writes to the amplifier at or after <paramref name="fromIndex"/> in the bus log.</summary>
        public int AmplifierWritesSince(int fromIndex)
        {
            return WritesSince(fromIndex, Board.Description.AmplifierAddress);
        }

        /// <summary>The amplifier writes since <paramref name="mark"/> as register · 0x100 + value.</summary>
        public int[] AmplifierWritesSinceMark(int mark)
        {
            var writes = new int[AmplifierWritesSince(mark)];
            int n = 0;
            for (int i = mark; i < Board.Bus.Log.Count; i++)
            {
                var t = (I2cTransaction)Board.Bus.Log[i];
                if (t.Address == Board.Description.AmplifierAddress && t.Operation == I2cOperation.Write)
                {
                    writes[n++] = t.Written[0] * 0x100 + t.Written[1];
                }
            }

            return writes;
        }

        private int WritesSince(int fromIndex, int address)
        {
            int count = 0;
            for (int i = fromIndex; i < Board.Bus.Log.Count; i++)
            {
                var t = (I2cTransaction)Board.Bus.Log[i];
                if (t.Address == address && t.Operation == I2cOperation.Write)
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>The update-latch bit (VU) of a WM8960 volume register, 0 for other registers: a strobe, not state.</summary>
        public static int Vu(int register)
        {
            switch (register)
            {
                case Wm8960Registers.LeftInputVolume:
                case Wm8960Registers.RightInputVolume:
                case Wm8960Registers.LeftHeadphoneVolume:
                case Wm8960Registers.RightHeadphoneVolume:
                case Wm8960Registers.LeftDacVolume:
                case Wm8960Registers.RightDacVolume:
                case Wm8960Registers.LeftAdcVolume:
                case Wm8960Registers.RightAdcVolume:
                    return Wm8960Registers.VolumeUpdate;
                default:
                    return 0;
            }
        }
    }
}
