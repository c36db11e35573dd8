using System;
using System.CommandLine;
using System.IO;
using InterfaceFirmware.Emulator;

namespace InterfaceFirmware.EmulatorCli
{
    /// <summary>
    /// Runs the device on the emulated reference board (README: the first command): the scripted
    /// session, what the device does as it happens, the main headphone output as a WAV file, and
    /// on request the I2C trace as CSV.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            return Run(args, Console.Out);
        }

        /// <summary>Parses the options and runs the session, printing to <paramref name="output"/>.</summary>
        public static int Run(string[] args, TextWriter output)
        {
            var wav = new Option<FileInfo>("--wav") { Description = "Where to write the main headphone output (48 kHz, 24-bit WAV)", DefaultValueFactory = _ => new FileInfo("headphones.wav") };
            var trace = new Option<FileInfo>("--trace") { Description = "Also write every I2C transaction as CSV (time_ms,device,address,op,data,status)" };
            var board = new Option<string>("--board") { Description = "reference (WM8960 + TPA6130A2, the default), audiokit (AI-Thinker ESP32-A1S, ES8388) or lyrat (Espressif ESP32-LyraT v4.3, ES8388)", DefaultValueFactory = _ => "reference" };
            board.AcceptOnlyFromAmong("reference", "audiokit", "lyrat");
            var root = new RootCommand("interface-emulator: the InterfaceFirmware device on an emulated board, in virtual time")
            {
                wav,
                trace,
                board,
            };
            root.SetAction(parse => RunSession(parse.GetValue(board), parse.GetValue(wav), parse.GetValue(trace), output));
            return root.Parse(args).Invoke();
        }

        private static int RunSession(string board, FileInfo wav, FileInfo trace, TextWriter output)
        {
            BoardDescription description = board == "audiokit" ? BoardDescription.AudioKit()
                : board == "lyrat" ? BoardDescription.LyraT() : BoardDescription.Reference();
            var session = new DriverSession(output, description);
            int pops = session.Run();
            WavWriter.Write(wav.FullName, session.Board.MainJack.Recorder(true), session.Board.MainJack.Recorder(false));
            output.WriteLine("wrote " + wav.FullName);
            if (trace != null)
            {
                File.WriteAllText(trace.FullName, session.Board.Bus.ExportCsv());
                output.WriteLine("wrote " + trace.FullName);
            }

            return pops == 0 ? 0 : 1;
        }
    }
}
