using System;
using System.Security.Cryptography;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Application;
using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Firmware.Controls;

namespace InterfaceFirmware.Benchmarks
{
    /// <summary>
    /// A fingerprint of everything the emulator renders in two scenarios (every output sample's
    /// bits and every pop event): run it before and after a change to the render path
    /// (`--render-digest`); equal digests mean the change renders the same samples.
    /// </summary>
    public static class RenderDigest
    {
        public static string Compute()
        {
            return Scenario(false) + " " + Scenario(true) + " " + AudioKit();
        }

        private static string AudioKit()
        {
            var board = new VirtualBoard(BoardDescription.AudioKit(), 5);
            board.MainJack.Record(true);
            EmulatorSpeed.ConfigureAudioKitByHand(board);
            board.RunMs(2000);
            return Digest(board, new[] { board.MainJack });
        }

        private static string Scenario(bool firmware)
        {
            var board = new VirtualBoard(BoardDescription.Reference(), 5);
            var outputs = new[] { board.MainJack, board.SecondJack, board.CodecOutput(0) };
            foreach (var output in outputs)
            {
                output.Record(true);
            }

            board.ConnectComputer();
            board.RunMs(600);
            board.Usb.StartPlayback(48000, SineSource.AtDbfs(1000, -10), SineSource.AtDbfs(700, -12));
            board.SetInput("input-1", SineSource.AtDbfs(440, -20));
            board.SetInput("input-2", new NoiseSource(3, 0.05));
            board.PlugHeadphones(true);
            if (firmware)
            {
                var device = FirmwareLoop.StartDevice(board, board.Bus, true);
                board.RunMs(4000);
                UserAction[] actions = { UserAction.VolumeDown, UserAction.VolumeUp, UserAction.ToggleMute, UserAction.ToggleMute, UserAction.CycleMonitorMode,
                    UserAction.BlendTowardInputs, UserAction.SelectNextJack, UserAction.VolumeUp, UserAction.CycleGainRange, UserAction.CycleMonitorMode, UserAction.BlendTowardPlayback };
                foreach (var action in actions)
                {
                    device.Apply(action, board.Clock.NowMs);
                    board.RunMs(300);
                }

                board.PlugHeadphones(false);
                board.RunMs(500);
                board.PlugHeadphones(true);
                board.RunMs(1000);
            }
            else
            {
                // the codec driven by hand from reset: bias ramps and un-driven outputs
                EmulatorSpeed.ConfigureReferenceByHand(board);
                board.RunMs(2000);
            }

            return Digest(board, outputs);
        }

        private static string Digest(VirtualBoard board, HeadphoneOutput[] outputs)
        {
            using var hash = SHA256.Create();
            foreach (var output in outputs)
            {
                for (int ch = 0; ch < 2; ch++)
                {
                    SignalRecorder recorder = output.Recorder(ch == 0);
                    var bytes = new byte[8];
                    for (long n = recorder.FirstSample; n < recorder.FirstSample + recorder.Length; n++)
                    {
                        BitConverter.TryWriteBytes(bytes, recorder.At(n));
                        hash.TransformBlock(bytes, 0, 8, null, 0);
                    }
                }
            }

            byte[] events = System.Text.Encoding.UTF8.GetBytes(board.DescribePops());
            hash.TransformFinalBlock(events, 0, events.Length);
            return Convert.ToHexString(hash.Hash!).Substring(0, 16) + "(" + board.PopEvents.Count + " pops)";
        }
    }
}
