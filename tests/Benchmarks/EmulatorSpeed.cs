using System;
using System.Diagnostics;
using InterfaceFirmware.Emulator;

namespace InterfaceFirmware.Benchmarks
{
    /// <summary>How fast the emulator renders the board's audio, as a multiple of real time, on one core.</summary>
    public static class EmulatorSpeed
    {
        /// <summary>The reference board playing a 1 kHz sine from the computer to both jacks, every stage live.</summary>
        public static double ReferenceBoardPlayback(int seconds)
        {
            var board = new VirtualBoard(BoardDescription.Reference(), 1);
            board.ConnectComputer();
            board.RunMs(500);
            board.Usb.StartPlayback(48000, SineSource.AtDbfs(1000, -10), SineSource.AtDbfs(1000, -10));
            board.SetInput("input-1", SineSource.AtDbfs(440, -20));
            ConfigureReferenceByHand(board);

            return Measure(board, seconds);
        }

        /// <summary>The reference board with the firmware running and no audio rendered: virtual seconds per CPU second.</summary>
        public static double ControlOnly(int seconds)
        {
            var board = new VirtualBoard(BoardDescription.Reference(), 1);
            board.ConnectComputer();
            board.RunMs(600);
            board.Usb.StartPlayback(48000, SineSource.AtDbfs(1000, -10), SineSource.AtDbfs(1000, -10));
            board.PlugHeadphones(true);
            FirmwareLoop.StartDevice(board, board.Bus, true);
            board.Audio.Rendering = false;
            return Measure(board, seconds);
        }

        /// <summary>WM8960 (codec A) powered up by hand from reset, monitoring blended with playback, and the amplifier on.</summary>
        public static void ConfigureReferenceByHand(VirtualBoard board)
        {
            var codec = new RegisterWriter(board, board.Description.CodecAddress);
            codec.Wm8960(Wm8960Model.RegAntiPop1, 0x09C);
            codec.Wm8960(Wm8960Model.RegPowerManagement1, 0x0F8);   // VMID, VREF, AINL/R, ADCL (ADCR stays off: the monitor runs through the analogue bypass)
            board.RunMs(1200);
            codec.Wm8960(Wm8960Model.RegAntiPop1, 0x008);
            codec.Wm8960(Wm8960Model.RegPowerManagement3, 0x03C);   // input PGAs, output mixers
            codec.Wm8960(Wm8960Model.RegAdcLeftSignalPath, 0x108);
            codec.Wm8960(Wm8960Model.RegAdcRightSignalPath, 0x108);
            codec.Wm8960(Wm8960Model.RegLeftBypass, 0x0A0);          // monitor the input, blended with playback
            codec.Wm8960(Wm8960Model.RegLeftOutMix, 0x100);
            codec.Wm8960(Wm8960Model.RegRightOutMix, 0x100);
            codec.Wm8960(Wm8960Model.RegPowerManagement2, 0x1E0);
            codec.Wm8960(Wm8960Model.RegAdcDacControl1, 0x000);
            board.AmplifierShutdown.Write(true);
            var amplifier = new RegisterWriter(board, board.Description.AmplifierAddress);
            amplifier.Byte(Tpa6130a2Model.RegControl, 0xC0);
            amplifier.Byte(Tpa6130a2Model.RegVolume, 0x30);
            board.RunMs(500);
        }

        /// <summary>The audio kit monitoring its line input through the ES8388's bypass, clocked by the ESP32.</summary>
        public static double AudioKitMonitoring(int seconds)
        {
            var board = new VirtualBoard(BoardDescription.AudioKit(), 1);
            ConfigureAudioKitByHand(board);
            return Measure(board, seconds);
        }

        /// <summary>The audio kit's ES8388 set up by hand to monitor its line input through the bypass.</summary>
        public static void ConfigureAudioKitByHand(VirtualBoard board)
        {
            board.SetInput("line-left", SineSource.AtDbfs(1000, -20));
            board.SetInput("line-right", SineSource.AtDbfs(500, -20));
            board.CodecClock.Start(48000, 256);
            var codec = new RegisterWriter(board, board.Description.CodecAddress);
            codec.Byte(0x08, 0x00);     // slave
            codec.Byte(0x18, 0x02);     // DAC at MCLK/256
            codec.Byte(0x0D, 0x02);     // ADC at MCLK/256
            codec.Byte(0x01, 0x50);     // analogue on
            codec.Byte(0x02, 0x00);     // chip power on
            codec.Byte(0x00, 0x12);     // VMID
            codec.Byte(0x26, 0x09);     // bypass from LIN2/RIN2
            codec.Byte(0x27, 0x50);     // LI2LO 0 dB
            codec.Byte(0x2A, 0x50);     // RI2RO 0 dB
            codec.Byte(0x04, 0x3C);     // outputs
            codec.Byte(0x2E, 0x1E);
            codec.Byte(0x2F, 0x1E);
            board.RunMs(1500);
        }

        // CPU time each measurement warms up for (see Measure)
        private const int WarmUpMs = 300;

        private static double Measure(VirtualBoard board, int seconds)
        {
            // Warm-up: at least 1 s of virtual time and WarmUpMs of CPU time. With tiered compilation
            // a method without a loop starts unoptimised and is recompiled in the background once
            // it has kept running for ~100 ms; the process CPU time below would count that compile.
            TimeSpan warmUpStart = Process.GetCurrentProcess().TotalProcessorTime;
            board.RunMs(1000);
            while ((Process.GetCurrentProcess().TotalProcessorTime - warmUpStart).TotalMilliseconds < WarmUpMs)
            {
                board.RunMs(1000);
            }

            // CPU time of this process, not wall time: on a shared machine the wall clock also
            // counts the time other processes had the core
            TimeSpan before = Process.GetCurrentProcess().TotalProcessorTime;
            board.RunMs(seconds * 1000L);
            TimeSpan used = Process.GetCurrentProcess().TotalProcessorTime - before;
            return seconds / used.TotalSeconds;
        }

        private sealed class RegisterWriter
        {
            private readonly VirtualBoard _board;
            private readonly int _address;
            private readonly byte[] _frame = new byte[2];

            public RegisterWriter(VirtualBoard board, int address)
            {
                _board = board;
                _address = address;
            }

            public void Wm8960(int register, int value)
            {
                _frame[0] = (byte)((register << 1) | ((value >> 8) & 1));
                _frame[1] = (byte)value;
                _board.Bus.Write(_address, _frame, 0, 2);
            }

            public void Byte(int register, int value)
            {
                _frame[0] = (byte)register;
                _frame[1] = (byte)value;
                _board.Bus.Write(_address, _frame, 0, 2);
            }
        }
    }
}
