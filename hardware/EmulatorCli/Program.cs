using System;

namespace InterfaceFirmware.EmulatorCli
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            Console.WriteLine("interface-emulator: emulator not built yet (the board emulator is issue 4).");
            return 0;
        }
    }
}
