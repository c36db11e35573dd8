using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Application;
using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.HostTests.Soak
{
    /// <summary>The firmware built on an emulated board the way the device's Program builds it (as tests/UnitTests/Firmware/DeviceRig.cs does).</summary>
    internal static class SoakRig
    {
        public static BoardDescription Description(string board)
        {
            switch (board)
            {
                case "audiokit": return BoardDescription.AudioKit();
                case "lyrat": return BoardDescription.LyraT();
                case "portable": return BoardDescription.Portable();
                default: return BoardDescription.Reference();
            }
        }

        /// <summary>The device on <paramref name="board"/>, its settings from <paramref name="store"/> (null settings: loaded from the store).</summary>
        public static InterfaceDevice NewDevice(VirtualBoard board, BoardProfile profile, ISettingsStore store)
        {
            var io = new BoardIo(board.Clock, board.Bus, new VirtualGpio(board), board.Log);
            io.ChipsMayBeLive = false; // every device here starts on a board just powered up
            io.Usb = board.Usb;
            io.CodecClock = board.CodecClock;
            io.Power = board.Power;
            io.Store = store;
            io.AdcTap = board.AdcTap;
            return new InterfaceDevice(profile, io, null);
        }
    }
}
